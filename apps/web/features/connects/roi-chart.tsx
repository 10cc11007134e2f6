import { BarChart } from "@/components/bar-chart";
import { formatDate } from "@/lib/format";
import { formatCount } from "@fairlance/rules";

interface Week {
  weekStartsAt: Date;
  proposals: number;
  connectsSpent: number;
  viewed: number;
  hires: number;
}

/** Connects spent per week (bars) with proposals viewed (dots) and hires (diamonds); a table carries the same numbers. */
export function RoiChart({ weeks }: { weeks: Week[] }) {
  const sum = (pick: (week: Week) => number) => weeks.reduce((total, week) => total + pick(week), 0);
  const summary = `Connects spent per week over the last ${formatCount(weeks.length, "week")}, ${sum((w) => w.connectsSpent)} in all, for ${formatCount(sum((w) => w.proposals), "proposal")}, ${sum((w) => w.viewed)} viewed and ${formatCount(sum((w) => w.hires), "hire")}.`;
  return (
    <BarChart
      title="Connects spent, proposals viewed and hires per week"
      summary={summary}
      unit="count"
      categories={weeks.map((week) => ({ key: week.weekStartsAt.toISOString(), label: formatDate(week.weekStartsAt).replace(/, \d{4}$/, ""), fullLabel: `Week of ${formatDate(week.weekStartsAt)}` }))}
      series={[
        { key: "spent", label: "Connects spent", color: "#13804a", values: weeks.map((w) => w.connectsSpent) },
        { key: "viewed", label: "Proposals viewed", color: "#0284c7", mark: "dot", values: weeks.map((w) => w.viewed) },
        { key: "hires", label: "Hires", color: "#d97706", mark: "diamond", values: weeks.map((w) => w.hires) },
      ]}
      table={
        <details className="text-sm">
          <summary className="cursor-pointer text-brand-700">Show the numbers as a table</summary>
          <table className="mt-2 w-full text-left text-xs">
            <thead><tr><th scope="col">Week of</th><th scope="col">Proposals</th><th scope="col">Connects spent</th><th scope="col">Viewed</th><th scope="col">Hires</th></tr></thead>
            <tbody>
              {weeks.map((week) => (
                <tr key={week.weekStartsAt.toISOString()}><td>{formatDate(week.weekStartsAt)}</td><td>{week.proposals}</td><td>{week.connectsSpent}</td><td>{week.viewed}</td><td>{week.hires}</td></tr>
              ))}
            </tbody>
          </table>
        </details>
      }
    />
  );
}
