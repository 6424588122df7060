import { resolveSafely, resolveText } from '../expressions'
import { Markdown } from '../markdown'
import type { FlowComponent } from '../parse-flow'
import { usePreview } from '../preview-context'

const weights: Record<string, string> = { bold: 'pv-bold', italic: 'pv-italic', bold_italic: 'pv-bold pv-italic' }

/** TextHeading, TextSubheading, TextBody and TextCaption: weights, strikethrough and (5.1) markdown. */
export function TextComponent({ component }: { component: FlowComponent }) {
  const { scope } = usePreview()
  const text = resolveText(component.text, scope)
  if (component.type === 'TextHeading') return <h4 className="pv-heading">{text}</h4>
  if (component.type === 'TextSubheading') return <h5 className="pv-subheading">{text}</h5>
  const className = [
    component.type === 'TextCaption' ? 'pv-caption' : 'pv-text',
    weights[String(component['font-weight'])] ?? '',
    resolveSafely(component.strikethrough, scope) === true ? 'pv-strike' : '',
  ].join(' ')
  return <div className={className}>{component.markdown === true ? <Markdown text={text} /> : <p>{text}</p>}</div>
}

/** RichText: a text or lines of markdown, drawn as WhatsApp does (never as HTML). */
export function RichTextComponent({ component }: { component: FlowComponent }) {
  const { scope } = usePreview()
  return (
    <div className="pv-rich">
      <Markdown text={resolveText(component.text, scope)} />
    </div>
  )
}
