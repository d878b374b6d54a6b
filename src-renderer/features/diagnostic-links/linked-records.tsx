import { useId } from 'react';
import { Link } from 'wouter';

export interface RecordLink {
  id: string;
  label: string;
  href: string;
  /** Said after the link: a theme, a status, "via l’enjeu …". */
  detail?: string;
}

interface LinkedRecordsProps {
  title: string;
  links: readonly RecordLink[];
  empty: string;
  /** Heading level inside the record's page. */
  level?: 3 | 4;
}

/** A titled list of links to the records on the other side of a relation. */
export function LinkedRecords({ title, links, empty, level = 3 }: LinkedRecordsProps) {
  const id = useId();
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <section className="linked-records" aria-labelledby={id}>
      <Heading id={id}>{title}</Heading>
      {links.length === 0 ? (
        <p className="hint">{empty}</p>
      ) : (
        <ul>
          {links.map((link) => (
            <li key={link.id}>
              <Link href={link.href}>{link.label}</Link>
              {link.detail && <span className="linked-records__detail"> — {link.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
