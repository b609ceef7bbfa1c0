import type { CSSProperties, ReactNode } from 'react';
import { Link } from 'react-router';

export interface PanelProps {
  id: string;
  title: string;
  /** Controls or a count at the right of the title bar. */
  extra?: ReactNode;
  /** Shown dimmed while values for another scope or period load. */
  stale?: boolean;
  className?: string;
  /** Map and other full-bleed content bring their own padding. */
  bare?: boolean;
  children: ReactNode;
}

/** One framed panel of the big screen, named by its heading. */
export function Panel({ id, title, extra, stale, className, bare, children }: PanelProps) {
  const headingId = `cs-panel-${id}-title`;
  return (
    <section
      className={`cs-panel cs-panel--${id}${className ? ` ${className}` : ''}`}
      aria-labelledby={headingId}
      data-testid={`cockpit-panel-${id}`}
      data-stale={stale ? 'true' : 'false'}
    >
      <header className="cs-panel-head">
        <h2 id={headingId}>{title}</h2>
        {extra && <div className="cs-panel-extra">{extra}</div>}
      </header>
      {bare ? children : <div className="cs-panel-body">{children}</div>}
    </section>
  );
}

/** A figure that opens the drill-down page when it has an indicator behind it. */
export function MaybeLink({
  href,
  children,
  className,
  testId,
  label,
  style,
}: {
  href: string | null;
  children: ReactNode;
  className?: string;
  testId?: string;
  label?: string;
  style?: CSSProperties;
}) {
  if (!href)
    return (
      <div className={className} data-testid={testId} style={style}>
        {children}
      </div>
    );
  return (
    <Link to={href} className={className} data-testid={testId} aria-label={label} style={style}>
      {children}
    </Link>
  );
}
