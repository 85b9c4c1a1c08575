import type { Metadata } from "next";
import { settingsSections } from "@/components/settings/sections";

export const metadata: Metadata = { title: "Settings" };

/** Every section the app's parts contribute (src/components/settings/sections.ts), in their order. */
export default function SettingsPage() {
  return (
    <main className="mx-auto grid w-full max-w-3xl gap-6 px-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
      {settingsSections.map((Section, index) => (
        <Section key={index} />
      ))}
    </main>
  );
}
