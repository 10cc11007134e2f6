import { Button } from "@/components/ui";

/** Previous / next over a paged list, with where we are in words. */
export function Pager({ page, pageSize, total, onPage, label }: { page: number; pageSize: number; total: number; onPage: (page: number) => void; label: string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav aria-label={`${label} pages`} className="mt-3 flex items-center justify-between gap-2 text-sm text-slate-600">
      <span>
        Page {page} of {pages} · {total} {total === 1 ? "entry" : "entries"}
      </span>
      <span className="flex gap-2">
        <Button variant="secondary" onClick={() => onPage(page - 1)} disabled={page <= 1}>
          Previous
        </Button>
        <Button variant="secondary" onClick={() => onPage(page + 1)} disabled={page >= pages}>
          Next
        </Button>
      </span>
    </nav>
  );
}
