import { RuleViolation, type RuleViolationCode } from "../errors";

export interface LifecycleDefinition<State extends string, Event extends string> {
  /** The noun used in messages: "job", "milestone". */
  entity: string;
  code: RuleViolationCode;
  /** How a person reads each state: "waiting for changes". */
  stateLabels: Record<State, string>;
  /** The verb phrase of each event: "request changes on". */
  eventVerbs: Record<Event, string>;
  /** For each event, the state it leads to from each state it is allowed in. */
  transitions: Record<Event, Partial<Record<State, State>>>;
}

export interface Lifecycle<State extends string, Event extends string> {
  readonly states: readonly State[];
  readonly events: readonly Event[];
  /** The next state, or a RuleViolation with the lifecycle's code. */
  transition(state: State, event: Event): State;
  can(state: State, event: Event): boolean;
  allowedEvents(state: State): Event[];
  isTerminal(state: State): boolean;
  /** How a person reads the state ("waiting for changes"). */
  label(state: State): string;
}

/** A state machine from a table: what is not listed is refused with a sentence. */
export function defineLifecycle<State extends string, Event extends string>(
  definition: LifecycleDefinition<State, Event>,
): Lifecycle<State, Event> {
  const states = Object.keys(definition.stateLabels) as State[];
  const events = Object.keys(definition.eventVerbs) as Event[];
  const next = (state: State, event: Event): State | undefined =>
    Object.hasOwn(definition.transitions, event) ? definition.transitions[event][state] : undefined;
  const allowedEvents = (state: State) => events.filter((event) => next(state, event) !== undefined);
  return {
    states,
    events,
    transition(state, event) {
      const to = next(state, event);
      if (to === undefined) {
        const verb = definition.eventVerbs[event] ?? event;
        const label = definition.stateLabels[state] ?? state;
        throw new RuleViolation(definition.code, `You cannot ${verb} a ${definition.entity} that is ${label}.`, {
          entity: definition.entity,
          state,
          event,
        });
      }
      return to;
    },
    can: (state, event) => next(state, event) !== undefined,
    allowedEvents,
    isTerminal: (state) => allowedEvents(state).length === 0,
    label: (state) => definition.stateLabels[state] ?? state,
  };
}
