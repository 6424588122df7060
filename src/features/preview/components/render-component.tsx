import type { ComponentType, ReactNode } from 'react'
import { branchOf, isShown } from '../field-checks'
import type { FlowComponent } from '../parse-flow'
import { usePreview } from '../preview-context'
import { ChoiceGroupComponent, DropdownComponent, OptInComponent } from './choice-components'
import { DateComponent, InputComponent } from './input-components'
import { ImageCarouselComponent, ImageComponent, PickerComponent } from './media-components'
import { EmbeddedLinkComponent, NavigationListComponent } from './navigation-components'
import { RichTextComponent, TextComponent } from './text-components'

/** Each component type Flow JSON 7.3 has, and what draws it (If, Switch, Form and Footer are drawn around this). */
const renderers: Record<string, ComponentType<{ component: FlowComponent }>> = {
  TextHeading: TextComponent,
  TextSubheading: TextComponent,
  TextBody: TextComponent,
  TextCaption: TextComponent,
  RichText: RichTextComponent,
  TextInput: InputComponent,
  TextArea: InputComponent,
  DatePicker: DateComponent,
  CalendarPicker: DateComponent,
  CheckboxGroup: ChoiceGroupComponent,
  RadioButtonsGroup: ChoiceGroupComponent,
  ChipsSelector: ChoiceGroupComponent,
  Dropdown: DropdownComponent,
  OptIn: OptInComponent,
  EmbeddedLink: EmbeddedLinkComponent,
  NavigationList: NavigationListComponent,
  Image: ImageComponent,
  ImageCarousel: ImageCarouselComponent,
  PhotoPicker: PickerComponent,
  DocumentPicker: PickerComponent,
}

/** Around each component: the click (or focus) that shows its JSON, the cursor's highlight, and its findings. */
export function Item({ component, children }: { component: FlowComponent; children: ReactNode }) {
  const { spanOf, selected, findings, onPick, onFinding } = usePreview()
  const span = spanOf(component)
  const found = findings.get(component) ?? []
  const pick = () => span && onPick?.(span)
  return (
    // oxlint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions -- a pointer shortcut to the JSON; keyboard users get the same on focus of the controls inside
    <div className={`pv-item${selected === component ? ' pv-item--selected' : ''}${found.length > 0 ? ' pv-item--finding' : ''}`} data-type={String(component.type)} onClick={pick} onFocus={pick}>
      {children}
      {found.map((finding) => (
        <button
          key={`${finding.from}-${finding.message}`}
          type="button"
          className="pv-finding"
          onClick={(event) => {
            event.stopPropagation()
            onFinding?.(finding)
          }}
        >
          {finding.source}: {finding.message}
        </button>
      ))}
    </div>
  )
}

/** Components in order: hidden ones left out, If and Switch evaluated, Footers left to the phone's bottom bar. */
export function Components({ components }: { components: FlowComponent[] }) {
  const { scope } = usePreview()
  return (
    <>
      {components.filter((component) => component.type !== 'Footer' && isShown(component, scope)).map((component, index) => (
        // oxlint-disable-next-line react/no-array-index-key -- components have no id of their own; their place is their identity
        <RenderComponent key={`${String(component.type)}-${index}`} component={component} />
      ))}
    </>
  )
}

function RenderComponent({ component }: { component: FlowComponent }) {
  const { scope } = usePreview()
  const type = typeof component.type === 'string' ? component.type : ''
  if (type === 'If' || type === 'Switch' || type === 'Form') {
    const branch = branchOf(component, scope)
    return (
      <Item component={component}>
        {branch.problem && <p className="pv-placeholder">{branch.problem}</p>}
        <Components components={branch.children} />
      </Item>
    )
  }
  const Renderer = renderers[type]
  return (
    <Item component={component}>
      {Renderer ? (
        <Renderer component={component} />
      ) : (
        <p className="pv-placeholder" role="note">
          {type ? `“${type}” is not a component this preview knows` : 'A component without a "type"'}
        </p>
      )}
    </Item>
  )
}
