import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { haproxyConfig, parsePortRange, pgbouncerIni, pgbouncerUserlist, standbySettings } from "./config";
import { parseServerStatus } from "./haproxy";
import { HAPROXY } from "./tools";

const bouncer = {
  listenPort: 43002,
  databases: [
    { name: "fairlance_scale", port: 43000, dbname: "fairlance_scale" },
    { name: "fairlance_scale_replica", port: 43001, dbname: "fairlance_scale" },
  ],
  user: "postgres",
  password: "postgres",
  poolSize: 20,
  maxClientConnections: 1000,
  dir: "/tmp/run/pgbouncer",
};

describe("pgbouncerIni", () => {
  it("pools in transaction mode, one pool for the primary and one for the replica", () => {
    const ini = pgbouncerIni(bouncer);
    expect(ini).toContain("pool_mode = transaction");
    expect(ini).toContain("fairlance_scale = host=127.0.0.1 port=43000 dbname=fairlance_scale user=postgres password=postgres");
    expect(ini).toContain("fairlance_scale_replica = host=127.0.0.1 port=43001 dbname=fairlance_scale user=postgres password=postgres");
    expect(ini).toContain("listen_port = 43002");
    expect(ini).toContain("default_pool_size = 20");
    expect(ini).toContain("auth_file = /tmp/run/pgbouncer/userlist.txt");
    // [databases] comes before [pgbouncer], and each setting appears once.
    expect(ini.indexOf("[databases]")).toBeLessThan(ini.indexOf("[pgbouncer]"));
    const keys = ini.split("\n").filter((line) => /^\w+ =/.test(line)).map((line) => line.split(" =")[0]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("quotes a password with spaces or quotes in a connection string", () => {
    const ini = pgbouncerIni({ ...bouncer, password: "it's a secret" });
    expect(ini).toContain("password='it\\'s a secret'");
  });

  it("writes the user list with doubled quotes", () => {
    expect(pgbouncerUserlist("postgres", 'pa"ss')).toBe('"postgres" "pa""ss"\n');
  });
});

describe("haproxyConfig", () => {
  const config = haproxyConfig({
    listenPort: 43003,
    servers: [
      { name: "web1", port: 43004 },
      { name: "web2", port: 43005 },
    ],
    statsSocket: "/tmp/run/haproxy/admin.sock",
    healthPath: "/api/health",
  });

  it("balances round-robin over both instances with a health check", () => {
    expect(config).toContain("balance roundrobin");
    expect(config).toContain("option httpchk GET /api/health");
    expect(config).toContain("server web1 127.0.0.1:43004 check");
    expect(config).toContain("server web2 127.0.0.1:43005 check");
    expect(config).toContain("bind 127.0.0.1:43003");
    expect(config).toContain("stats socket /tmp/run/haproxy/admin.sock mode 600 level admin");
  });

  it.skipIf(!existsSync(HAPROXY))("is a configuration HAProxy accepts", () => {
    const file = join(mkdtempSync(join(tmpdir(), "scale-haproxy-")), "haproxy.cfg");
    writeFileSync(file, config);
    const check = spawnSync(HAPROXY, ["-c", "-f", file], { encoding: "utf8" });
    expect(check.stderr + check.stdout).not.toMatch(/ALERT/);
    expect(check.status).toBe(0);
  });
});

describe("standbySettings", () => {
  it("points the copy at the primary through its slot", () => {
    const text = standbySettings({ primaryPort: 43000, user: "postgres", password: "postgres", slot: "replica1", applicationName: "replica1" });
    expect(text).toContain("primary_conninfo = 'host=127.0.0.1 port=43000 user=postgres password=postgres application_name=replica1'");
    expect(text).toContain("primary_slot_name = 'replica1'");
    expect(text).toContain("hot_standby = on");
  });
});

describe("parsePortRange", () => {
  it("reads FROM-TO", () => expect(parsePortRange("43000-43999")).toEqual({ from: 43000, to: 43999 }));
  it("refuses a range too small, reversed or out of bounds", () => {
    expect(() => parsePortRange("43000-43005")).toThrow(/at least 16 ports/);
    expect(() => parsePortRange("43999-43000")).toThrow(/at least 16 ports/);
    expect(() => parsePortRange("80-2000")).toThrow(/between 1024 and 65535/);
    expect(() => parsePortRange("abc")).toThrow(/such as 43000-43999/);
  });
});

describe("parseServerStatus", () => {
  it("reads each web server's status from HAProxy's show stat", () => {
    const csv = [
      "# pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,wredis,status,weight",
      "fairlance,FRONTEND,,,0,1,4096,3,0,0,0,0,0,,,,,OPEN,",
      "web,web1,0,0,0,1,,2,0,0,,0,,0,0,0,0,UP,1",
      "web,web2,0,0,0,1,,1,0,0,,0,,0,0,0,0,MAINT,1",
      "web,BACKEND,0,0,0,1,410,3,0,0,0,0,,0,0,0,0,UP,1",
    ].join("\n");
    expect(parseServerStatus(csv)).toEqual(new Map([["web1", "UP"], ["web2", "MAINT"]]));
  });
});
