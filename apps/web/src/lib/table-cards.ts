import { useEffect } from 'react';

/**
 * Copies each column title onto its cells (data-label), for the phone layout of tables (styles.css);
 * a table that still scrolls sideways (wide desktop tables) can be reached and scrolled by keyboard.
 */
function labelTables(root: HTMLElement, cards: boolean) {
  for (const box of Array.from(root.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body'))) {
    const scrolls = box.scrollWidth > box.clientWidth + 1;
    if (scrolls && box.tabIndex !== 0) {
      box.tabIndex = 0;
      box.setAttribute('role', 'region');
      box.setAttribute('aria-label', '表格（可左右滚动）');
    }
  }
  if (!cards) return;
  for (const table of Array.from(root.querySelectorAll<HTMLTableElement>('.ant-table table'))) {
    const rows = table.tHead?.rows;
    const head = rows?.[rows.length - 1];
    if (!head) continue;
    const titles: string[] = [];
    for (const th of Array.from(head.cells)) {
      const text = (th.textContent ?? '').trim();
      for (let i = 0; i < th.colSpan; i++) titles.push(text);
    }
    for (const body of Array.from(table.tBodies)) {
      for (const tr of Array.from(body.rows)) {
        let col = 0;
        for (const td of Array.from(tr.cells)) {
          const label = td.colSpan > 1 ? '' : (titles[col] ?? '');
          if (td.dataset.label !== label) td.dataset.label = label;
          col += td.colSpan;
        }
      }
    }
  }
}

/** Keeps the tables under `#main-content` labelled while pages render and re-render. */
export function useTableCards(cards: boolean) {
  useEffect(() => {
    const root = document.getElementById('main-content');
    if (!root) return;
    let queued = 0;
    const run = () => {
      queued = 0;
      labelTables(root, cards);
    };
    run();
    const observer = new MutationObserver(() => {
      if (!queued) queued = window.requestAnimationFrame(run);
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      if (queued) window.cancelAnimationFrame(queued);
    };
  }, [cards]);
}
