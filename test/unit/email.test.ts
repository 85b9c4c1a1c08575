import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { legacyManifestSchema, manifestSchema } from "../../src/manifest.js";
import { allowedValues, metaOf } from "../../src/options.js";
import { addPolicy, providers } from "../../src/providers/index.js";
import { resolveOptions } from "../../src/resolve.js";
import { ensureBuilt, runCli } from "./support/cli.js";
import { dotenv, file, hasFile, plan } from "./support/plan.js";
import { useTempDirs } from "./support/temp.js";

const tempDir = useTempDirs("craftjs-email-");
const emailPackages = providers.email.flatMap((provider) => provider.dependencies ?? []);
const emailEnv = (id: string) => (providers.email.find((provider) => provider.id === id)!.env ?? []).map((v) => v.name);
const CORE_EMAIL_FILES = ["messages.ts", "outbox.ts", "send.ts", "types.ts"].map((name) => `src/lib/email/${name}`);

describe("--email", () => {
  it("offers console (the default), resend and smtp, asked after Customize more", () => {
    expect(allowedValues("email")).toEqual(["console", "resend", "smtp"]);
    expect(resolveOptions({}).email).toBe("console");
    expect(metaOf("email")).toMatchObject({
      flag: "--email <name>",
      category: "email",
      choice: true,
      prompt: { message: "How should the app send email?", label: "Email", advanced: true },
    });
    expect(addPolicy.email.kind).toBe("switch");
  });

  it("refuses another value, naming the flag and the allowed ones", () => {
    expect(() => resolveOptions({ email: "sendgrid" })).toThrow(/--email[\s\S]*console, resend, smtp/);
  });

  it.each(providers.email.map((provider) => [provider.id, provider] as const))(
    "%s: the core's sendEmail, messages and outbox, its own transport, its package alone, and its variables",
    (id, provider) => {
      const planned = plan({ email: id });
      for (const core of CORE_EMAIL_FILES) expect(hasFile(planned, core), core).toBe(true);
      expect(hasFile(planned, "src/config/auth.ts")).toBe(true);
      const transport = planned.files.find((candidate) => candidate.path === "src/lib/email/transport.ts");
      expect(transport?.owner).toBe(`email ${id}`);
      expect(transport?.content).toContain("export const transport");
      expect(hasFile(planned, "src/lib/email/transport.test.ts")).toBe(true);

      const all = { ...planned.dependencies, ...planned.devDependencies };
      expect(emailPackages.filter((name) => name in all)).toEqual(provider.dependencies ?? []);
      const documented = Object.keys(dotenv(file(planned, ".env.example")));
      const validated = file(planned, "src/lib/env.ts");
      for (const other of providers.email.filter((candidate) => candidate.id !== id)) {
        for (const name of emailEnv(other.id).filter((name) => !emailEnv(id).includes(name))) {
          expect(documented).not.toContain(name);
        }
      }
      for (const name of emailEnv(id)) {
        expect(documented).toContain(name);
        expect(validated).toContain(`${name}:`);
      }
      expect(file(planned, "README.md")).toContain("**Email.**");
    },
  );

  it("documents the Resend and SMTP settings the brief names, and writes no secret into .env", () => {
    expect(emailEnv("console")).toEqual([]);
    expect(emailEnv("resend")).toEqual(["RESEND_API_KEY", "RESEND_BASE_URL", "EMAIL_FROM", "EMAIL_OUTBOX"]);
    expect(emailEnv("smtp")).toEqual(["SMTP_URL", "EMAIL_FROM", "EMAIL_OUTBOX"]);
    for (const id of ["resend", "smtp"]) {
      const env = dotenv(file(plan({ email: id }), ".env"));
      for (const name of emailEnv(id)) expect(env[name] ?? "").toBe("");
    }
  });

  it("wires Better Auth's reset and verification mails to sendEmail, with the verification switch in config", () => {
    const server = file(plan(), "src/lib/auth/server.ts");
    expect(server).toContain("sendResetPassword:");
    expect(server).toContain("sendVerificationEmail:");
    expect(server).toContain("sendOnSignUp: true");
    expect(server).toContain('import { requireEmailVerification } from "@/config/auth"');
    expect(server).toContain('const RESET_PASSWORD_PAGE = "/reset-password"');
    expect(file(plan(), "src/config/auth.ts")).toContain("export const requireEmailVerification = false;");
  });

  it("requires a verified address by default once mail really leaves (resend, smtp), not while it goes to the outbox", () => {
    for (const email of ["resend", "smtp"] as const) {
      expect(file(plan({ email }), "src/config/auth.ts")).toContain("export const requireEmailVerification = true;");
    }
    expect(file(plan({ email: "console" }), "src/config/auth.ts")).toContain("requireEmailVerification = false;");
  });

  it("records the choice in craftjs.json and its command", () => {
    const planned = plan({ email: "smtp" });
    const manifest = JSON.parse(file(planned, "craftjs.json"));
    expect(manifest.choices.email).toBe("smtp");
    expect(manifest.command).toContain("--email smtp");
  });
});

describe("manifests written before --email", () => {
  const choices = {
    db: "sqlite",
    ai: "openai",
    ratelimit: "memory",
    oauth: [],
    apiKeys: false,
    corsOrigins: [],
    packageManager: "npm",
  };

  it("0.1.0: read as console", () => {
    const legacy = legacyManifestSchema.parse({
      cliVersion: "0.1.0",
      command: "create-craftjs shop",
      choices,
      files: {},
    });
    expect(legacy.choices).toMatchObject({ email: "console", payments: "none", storage: "none" });
  });

  it("0.2.0: read as console, the other choices as recorded", () => {
    const manifest = manifestSchema.parse({
      manifestVersion: 2,
      cliVersion: "0.2.0",
      name: "shop",
      command: "create-craftjs shop",
      choices: { ...choices, payments: "stripe", storage: "local" },
      files: {},
    });
    expect(manifest.choices).toMatchObject({ email: "console", payments: "stripe", storage: "local" });
  });

  describe("add email", () => {
    beforeAll(ensureBuilt, 120_000);

    it("switches a 0.2.0 project (no email choice recorded) from the console to Resend", async () => {
      const cwd = await tempDir();
      const created = await runCli(
        [
          "app",
          "--no-install",
          "--no-git",
          "--no-api-keys",
          "--oauth",
          "none",
          "--payments",
          "none",
          "--storage",
          "none",
        ],
        { cwd },
      );
      expect(created.exitCode, created.output).toBe(0);
      const root = path.join(cwd, "app");
      const manifestFile = path.join(root, "craftjs.json");
      const recorded = JSON.parse(await readFile(manifestFile, "utf8"));
      delete recorded.choices.email;
      recorded.cliVersion = "0.2.0";
      await writeFile(manifestFile, `${JSON.stringify(recorded, null, 2)}\n`);

      const list = await runCli(["add", "--list", "--json"], { cwd: root });
      const items = (JSON.parse(list.stdout) as { items: { key: string; present: boolean }[] }).items;
      expect(items.filter((item) => item.key.startsWith("email ") && item.present).map((item) => item.key)).toEqual([
        "email console",
      ]);

      const added = await runCli(["add", "email", "resend", "--yes", "--no-install"], { cwd: root });
      expect(added.exitCode, added.output).toBe(0);
      expect(await readFile(path.join(root, "src/lib/email/transport.ts"), "utf8")).toContain('from "resend"');
      const pkg = JSON.parse(await readFile(path.join(root, "package.json"), "utf8"));
      expect(pkg.dependencies.resend).toBeDefined();
      expect(Object.keys(dotenv(await readFile(path.join(root, ".env.example"), "utf8")))).toEqual(
        expect.arrayContaining(emailEnv("resend")),
      );
      expect(JSON.parse(await readFile(manifestFile, "utf8")).choices.email).toBe("resend");
    });
  });
});
