import { resolveSafely, resolveText } from '../expressions'
import { imageSource } from '../image-source'
import { isObject, type FlowComponent } from '../parse-flow'
import { usePreview } from '../preview-context'

/** EmbeddedLink: a link in the screen that runs its action (an `open_url` is shown, not opened). */
export function EmbeddedLinkComponent({ component }: { component: FlowComponent }) {
  const { scope, act } = usePreview()
  return (
    <button type="button" className="pv-link pv-embedded-link" onClick={() => act(component['on-click-action'])}>
      {resolveText(component.text, scope)}
    </button>
  )
}

/** NavigationList (6.2): items the customer taps, each running its own action or the list's. */
export function NavigationListComponent({ component }: { component: FlowComponent }) {
  const { scope, act } = usePreview()
  const source = resolveSafely(component['list-items'], scope)
  const items = (Array.isArray(source) ? source : []).filter(isObject)
  return (
    <nav className="pv-navlist" aria-label={resolveText(component.label, scope) || 'Navigation list'}>
      {component.label !== undefined && <p className="pv-navlist__label">{resolveText(component.label, scope)}</p>}
      {component.description !== undefined && <p className="pv-helper">{resolveText(component.description, scope)}</p>}
      <ul>
        {items.map((item, index) => {
          const main = isObject(item['main-content']) ? item['main-content'] : {}
          const start = isObject(item.start) ? imageSource(item.start.image) : undefined
          const end = isObject(item.end) ? item.end : {}
          return (
            <li key={typeof item.id === 'string' ? item.id : index}>
              <button type="button" className="pv-navlist__item" onClick={() => act(item['on-click-action'] ?? component['on-click-action'])}>
                {start && <img src={start} alt="" className="pv-option__image" />}
                <span className="pv-navlist__main">
                  <span className="pv-option__title">{resolveText(main.title, scope)}</span>
                  {main.description !== undefined && <span className="pv-option__description">{resolveText(main.description, scope)}</span>}
                  {main.metadata !== undefined && <span className="pv-option__description">{resolveText(main.metadata, scope)}</span>}
                  {Array.isArray(item.tags) && <span className="pv-tags">{item.tags.map(String).join(' · ')}</span>}
                </span>
                {item.badge !== undefined && <span className="pv-badge">{resolveText(item.badge, scope)}</span>}
                {end.title !== undefined && <span className="pv-option__metadata">{resolveText(end.title, scope)}</span>}
              </button>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}

/** Footer: the screen's one button, pinned at the bottom, with its captions. Pressing it checks the fields first. */
export function FooterComponent({ component }: { component: FlowComponent }) {
  const { scope, act } = usePreview()
  const caption = (key: string) => (component[key] === undefined ? null : <span className={`pv-footer__${key}`}>{resolveText(component[key], scope)}</span>)
  return (
    <div className="pv-footer">
      {(component['left-caption'] !== undefined || component['right-caption'] !== undefined || component['center-caption'] !== undefined) && (
        <div className="pv-footer__captions">
          {caption('left-caption')}
          {caption('center-caption')}
          {caption('right-caption')}
        </div>
      )}
      <button type="button" className="pv-footer__button" disabled={resolveSafely(component.enabled, scope) === false} onClick={() => act(component['on-click-action'], { footer: true })}>
        {resolveText(component.label, scope)}
      </button>
    </div>
  )
}
