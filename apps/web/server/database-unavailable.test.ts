import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./database-unavailable";

// Shapes seen in the web server's log while `pnpm chaos` killed PostgreSQL.
const prismaError = (code: string, meta?: object, message = "Invalid `prisma.user.findUnique()` invocation") =>
  Object.assign(new Error(message), { name: "PrismaClientKnownRequestError", code, meta });
const adapterError = (message: string, code: string) => Object.assign(new Error(message), { name: "DriverAdapterError", cause: { kind: "postgres", code } });

describe("isDatabaseUnavailable", () => {
  it("recognises a database that is down, restarting or unreachable", () => {
    expect(isDatabaseUnavailable(prismaError("P1001", undefined, "Can't reach database server at 127.0.0.1:5432"))).toBe(true);
    expect(isDatabaseUnavailable(prismaError("P2039", { driverAdapterError: adapterError("terminating connection due to unexpected postmaster exit", "57P01") }))).toBe(true);
    expect(isDatabaseUnavailable(prismaError("P2010", { driverAdapterError: adapterError("the database system is starting up", "57P03") }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("connect"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: Object.assign(new Error("x"), { code: "08006" }) }))).toBe(true);
    // PgBouncer restarted under a query (pnpm scale --chaos): the adapter turns the socket's ECONNRESET into a kind.
    const closed = Object.assign(new Error("ConnectionClosed"), { name: "DriverAdapterError", cause: { kind: "ConnectionClosed" } });
    expect(isDatabaseUnavailable(prismaError("P2010", { driverAdapterError: closed }, "Raw query failed. Code: `N/A`. Message: `Server has closed the connection.`"))).toBe(true);
  });

  it("leaves every other failure alone (a bug stays a 500 in the log)", () => {
    expect(isDatabaseUnavailable(prismaError("P2002"))).toBe(false);
    expect(isDatabaseUnavailable(prismaError("P2039", { driverAdapterError: adapterError("division by zero", "22012") }))).toBe(false);
    const unique = Object.assign(new Error("UniqueConstraintViolation"), { name: "DriverAdapterError", cause: { kind: "UniqueConstraintViolation" } });
    expect(isDatabaseUnavailable(prismaError("P2010", { driverAdapterError: unique }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
  });
});
