import type { ReactNode } from 'react'
import { imageSource } from './image-source'

/**
 * The markdown of RichText and `markdown: true` text, as WhatsApp draws it: headings, bold, italic,
 * strikethrough, lists, links, images and tables. Built as React elements from the text (never as HTML):
 * markup in the text stays text; links go to http(s) only, in a new tab, without referrer; images are
 * base64 data only (never fetched).
 */

const inlinePattern = /(\*\*[^*]+\*\*|\*[^*]+\*|_[^_]+_|~~[^~]+~~|~[^~]+~|!\[[^\]]*\]\([^)]*\)|\[[^\]]+\]\([^)]*\))/g

function inline(text: string, key = ''): ReactNode[] {
  return text.split(inlinePattern).map((part, index) => {
    const id = `${key}${index}`
    if (/^\*\*[^*]+\*\*$/.test(part)) return <strong key={id}>{inline(part.slice(2, -2), id)}</strong>
    if (/^~~[^~]+~~$/.test(part)) return <s key={id}>{inline(part.slice(2, -2), id)}</s>
    if (/^~[^~]+~$/.test(part)) return <s key={id}>{inline(part.slice(1, -1), id)}</s>
    if (/^(\*[^*]+\*|_[^_]+_)$/.test(part)) return <em key={id}>{inline(part.slice(1, -1), id)}</em>
    const image = /^!\[([^\]]*)\]\(([^)]*)\)$/.exec(part)
    if (image) {
      const src = imageSource(image[2].replace(/^data:image\/[a-z]+;base64,/, ''))
      return src ? <img key={id} src={src} alt={image[1]} className="pv-inline-image" loading="lazy" /> : <span key={id} className="pv-placeholder">[image: {image[1] || 'not base64 data'}]</span>
    }
    const link = /^\[([^\]]+)\]\(([^)]*)\)$/.exec(part)
    if (link) {
      return /^https?:\/\//i.test(link[2]) ? (
        <a key={id} href={link[2]} target="_blank" rel="noopener noreferrer">
          {link[1]}
        </a>
      ) : (
        <span key={id} className="pv-link-text" title={`Not opened: ${link[2]}`}>
          {link[1]}
        </span>
      )
    }
    return part
  })
}

const cellsOf = (line: string) => line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim())

/** Block structure: headings, lists, tables, paragraphs. */
export function Markdown({ text }: { text: string }) {
  const lines = text.split('\n')
  const blocks: ReactNode[] = []
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]
    const key = String(index)
    const heading = /^(#{1,3})\s+(.*)$/.exec(line)
    if (heading) {
      blocks.push(<p key={key} className={`pv-md-h${heading[1].length}`}>{inline(heading[2], key)}</p>)
    } else if (/^\s*([-*+]|\d+\.)\s+/.test(line)) {
      const ordered = /^\s*\d+\./.test(line)
      const items: string[] = []
      while (index < lines.length && /^\s*([-*+]|\d+\.)\s+/.test(lines[index])) items.push(lines[index++].replace(/^\s*([-*+]|\d+\.)\s+/, ''))
      index--
      const List = ordered ? 'ol' : 'ul'
      blocks.push(
        <List key={key} className="pv-md-list">
          {items.map((item, at) => (
            // oxlint-disable-next-line react/no-array-index-key -- lines of a text have no identity but their place
            <li key={at}>{inline(item, `${key}-${at}`)}</li>
          ))}
        </List>,
      )
    } else if (/^\s*\|/.test(line)) {
      const rows: string[][] = []
      while (index < lines.length && /^\s*\|/.test(lines[index])) {
        if (!/^\s*\|[\s:|-]+\|?\s*$/.test(lines[index])) rows.push(cellsOf(lines[index]))
        index++
      }
      index--
      const [head, ...body] = rows
      blocks.push(
        <table key={key} className="pv-md-table">
          <thead>
            <tr>{head.map((cell, at) => <th key={at}>{inline(cell)}</th>)}</tr>
          </thead>
          <tbody>
            {body.map((row, at) => (
              <tr key={at}>{row.map((cell, column) => <td key={column}>{inline(cell)}</td>)}</tr>
            ))}
          </tbody>
        </table>,
      )
    } else if (line.trim() !== '') {
      blocks.push(<p key={key}>{inline(line, key)}</p>)
    }
  }
  return <>{blocks}</>
}
