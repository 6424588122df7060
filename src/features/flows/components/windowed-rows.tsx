import { useWindowVirtualizer, type Virtualizer } from '@tanstack/react-virtual'
import { useLayoutEffect, useRef, useState } from 'react'
import { FlowRow, flowsTableColumns, type FlowRowsProps } from './flow-row'

function Spacer({ height }: { height: number }) {
  if (height <= 0) return null
  return (
    <tr aria-hidden="true" className="flows-table__spacer">
      {/* oxlint-disable-next-line jsx-a11y/control-has-associated-label -- an empty, hidden spacer, not a control */}
      <td colSpan={flowsTableColumns} style={{ height, padding: 0, border: 'none' }} />
    </tr>
  )
}

const rowHeight = 53

/**
 * A row's height as TanStack Virtual asks for it. When a row is mounted (no ResizeObserver entry yet),
 * the height known for it or the estimate: reading offsetHeight there would force a layout for every
 * row that comes into view while scrolling, in the middle of React's commit. The ResizeObserver then
 * gives the real height once the browser has laid the rows out, with the frame's own layout.
 */
function rowSize(element: Element, entry: ResizeObserverEntry | undefined, instance: Virtualizer<Window, Element>) {
  const box = entry?.borderBoxSize?.[0]
  if (box) return Math.round(box.blockSize)
  const index = instance.indexFromElement(element)
  return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? rowHeight
}

/**
 * A long list's body: only the rows near the viewport (plus a margin) are rendered, between two
 * spacer rows, so typing in the search box and memory stay cheap at 8x8's 1000 flows. Each row
 * carries aria-rowindex (the table, aria-rowcount) so assistive technology knows where it sits.
 * Loaded only for channels with long lists: TanStack Virtual is not needed for the first paint.
 */
export default function WindowedRows({ flows, selected, templateUse, ...actions }: FlowRowsProps) {
  const body = useRef<HTMLTableSectionElement>(null)
  // Where the rows start on the page. What is above them (the selection bar, an error) can move them:
  // measured again whenever the page's size changes.
  const [scrollMargin, setScrollMargin] = useState(0)
  useLayoutEffect(() => {
    const measure = () => {
      if (!body.current) return
      const top = body.current.getBoundingClientRect().top + window.scrollY
      setScrollMargin((current) => (Math.abs(current - top) < 1 ? current : top))
    }
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(document.body)
    return () => observer.disconnect()
  }, [])
  // oxlint-disable-next-line react/incompatible-library -- no React Compiler here; the rows re-render with the virtualizer
  const virtualizer = useWindowVirtualizer({ count: flows.length, estimateSize: () => rowHeight, measureElement: rowSize, useFlushSync: false, overscan: 2, scrollMargin })
  const items = virtualizer.getVirtualItems()
  const before = items.length > 0 ? items[0].start - scrollMargin : 0
  const after = items.length > 0 ? virtualizer.getTotalSize() - (items.at(-1)!.end - scrollMargin) : 0

  return (
    <tbody ref={body}>
      <Spacer height={before} />
      {items.map(({ index }) => (
        <FlowRow
          key={flows[index].id}
          flow={flows[index]}
          selected={selected.has(flows[index].id)}
          templates={templateUse.get(flows[index].id)}
          index={index}
          measure={virtualizer.measureElement}
          {...actions}
        />
      ))}
      <Spacer height={after} />
    </tbody>
  )
}
