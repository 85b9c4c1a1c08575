import type { Metadata } from "next";
import { settingsSections } from "@/components/settings/sections";
import { AppPage } from "@/components/shell/app-page";

export const metadata: Metadata = { title: "Settings" };

/** Every section the app's parts contribute (src/components/settings/sections.ts), in their order. */
export default function SettingsPage() {
  return (
    <AppPage title="Settings" description="Your profile, password, sessions and plan." narrow>
      {settingsSections.map((Section, index) => (
        <Section key={index} />
      ))}
    </AppPage>
  );
}
