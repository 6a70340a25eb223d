import Link from "next/link";
import type { TodoItem } from "@/lib/dashboard/todo-rules";

// The dashboard's first section: what is the signed-in person's to do, each item a link to the page
// where it is done (lib/dashboard/todo-rules.ts), or a plain sentence that nothing waits.
export function TodoList({ items, empty }: { items: TodoItem[]; empty: string }) {
  return (
    <section aria-labelledby="todo-heading" className="card todo" data-testid="todo">
      <h2 id="todo-heading">To do</h2>
      {items.length === 0 ? (
        <p className="muted" data-testid="todo-empty">
          {empty}
        </p>
      ) : (
        <ul className="todo-list" aria-label="To do">
          {items.map((item) => (
            <li key={`${item.kind}:${item.href}:${item.label}`} data-kind={item.kind}>
              <Link href={item.href}>{item.label}</Link>
              {item.detail && <div className="muted">{item.detail}</div>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
