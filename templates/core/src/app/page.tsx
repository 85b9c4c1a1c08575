import Link from "next/link";
import { homeSections } from "@/components/home/sections";
import { SiteHeader } from "@/components/shell/site-header";
import { buttonVariants } from "@/components/ui/button";
import { site } from "@/config/site";

const highlights = [
  { title: "Streamed answers", body: "Replies appear word by word, and you can stop one at any moment." },
  { title: "Every chat kept", body: "Your conversations are saved; pick one up where you left it." },
  { title: "An API of your own", body: "Everything you do here you can also do from a script, with an API key." },
];

export default function HomePage() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto grid w-full max-w-5xl gap-16 px-4 py-16 sm:py-24">
        <section className="grid gap-6 text-center">
          <h1 className="text-4xl font-bold tracking-tight text-balance sm:text-5xl">{site.name}</h1>
          <p className="mx-auto max-w-2xl text-lg text-balance text-muted-foreground">{site.description}</p>
          <div className="flex flex-wrap justify-center gap-3">
            <Link href="/sign-up" className={buttonVariants({ size: "lg" })}>
              Get started free
            </Link>
            <Link href="/sign-in" className={buttonVariants({ variant: "outline", size: "lg" })}>
              Sign in
            </Link>
          </div>
        </section>
        <section aria-labelledby="highlights" className="grid gap-6">
          <h2 id="highlights" className="sr-only">
            What you get
          </h2>
          <ul className="grid gap-4 sm:grid-cols-3">
            {highlights.map((highlight) => (
              <li key={highlight.title} className="rounded-lg border bg-card p-5">
                <h3 className="font-semibold">{highlight.title}</h3>
                <p className="mt-1 text-sm text-muted-foreground">{highlight.body}</p>
              </li>
            ))}
          </ul>
        </section>
        {homeSections.map((Section, index) => (
          <Section key={index} />
        ))}
      </main>
    </>
  );
}
