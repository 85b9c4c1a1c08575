import { redirect } from "next/navigation";

/** The address people try first after signing in; the app's home is the chat. */
export default function DashboardPage() {
  redirect("/chat");
}
