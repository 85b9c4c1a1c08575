import type { ReactNode } from "react";

interface AuthCardProps {
  title: string;
  description?: string;
  children: ReactNode;
  /** Under the card: the way to the neighbouring page ("No account yet? Sign up"). */
  footer?: ReactNode;
}

/** The frame of each sign-in page: its heading (the page's only h1), the form, and a line below. */
export function AuthCard({ title, description, children, footer }: AuthCardProps) {
  return (
    <div className="grid gap-4">
      <section aria-labelledby="auth-title" className="grid gap-6 rounded-lg border bg-card p-6 shadow-sm">
        <div className="grid gap-1 text-center">
          <h1 id="auth-title" className="text-2xl font-semibold tracking-tight">
            {title}
          </h1>
          {description && <p className="text-sm text-muted-foreground">{description}</p>}
        </div>
        {children}
      </section>
      {footer && <p className="text-center text-sm text-muted-foreground">{footer}</p>}
    </div>
  );
}
