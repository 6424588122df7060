import { useMemo, useState } from 'react'
import { parseFlow } from './parse-flow'
import { Phone } from './phone'
import { screenChanges, type ScreenChange } from './screen-changes'

type ComparePhonesProps = { before: string; after: string; beforeLabel: string; afterLabel: string }

const parsedOrUndefined = (text: string) => {
  const result = parseFlow(text)
  return result.ok ? result.flow : undefined
}

const marksFor = (changes: Record<string, ScreenChange>, side: 'before' | 'after') =>
  Object.fromEntries(Object.entries(changes).filter(([, change]) => change === 'changed' || change === (side === 'before' ? 'removed' : 'added')))

/**
 * Two versions' phones side by side on the same screen (one picker moves both), and which screens
 * changed, were added or removed. Each phone still runs on its own.
 */
export function ComparePhones({ before, after, beforeLabel, afterLabel }: ComparePhonesProps) {
  const older = useMemo(() => parsedOrUndefined(before), [before])
  const newer = useMemo(() => parsedOrUndefined(after), [after])
  const changes = useMemo(() => screenChanges(older, newer), [older, newer])
  const ids = [...new Set([...(newer?.screens ?? []), ...(older?.screens ?? [])].map((screen) => screen.id))]
  const [screen, setScreen] = useState<string>()
  const listed = Object.entries(changes)
  return (
    <div className="compare-phones">
      <p className="compare-phones__changes">
        {listed.length === 0 ? 'No screen changed.' : `Screens: ${listed.map(([id, change]) => `${id} ${change}`).join(', ')}.`}
      </p>
      <label className="compare-phones__screen">
        Both phones on screen
        <select value={screen ?? ''} onChange={(event) => setScreen(event.target.value || undefined)}>
          <option value="">Each where it is</option>
          {ids.map((id) => (
            <option key={id} value={id}>
              {id}
              {changes[id] ? ` (${changes[id]})` : ''}
            </option>
          ))}
        </select>
      </label>
      <div className="compare-phones__pair">
        {[
          { flow: older, label: beforeLabel, side: 'before' as const },
          { flow: newer, label: afterLabel, side: 'after' as const },
        ].map(({ flow, label, side }) =>
          flow ? (
            <Phone key={side} flow={flow} label={label} marks={marksFor(changes, side)} showScreen={screen && flow.screens.some((candidate) => candidate.id === screen) ? screen : undefined} />
          ) : (
            <p key={side} className="pv-placeholder">
              {label}: this JSON cannot be drawn (it does not parse, or has no screens).
            </p>
          ),
        )}
      </div>
    </div>
  )
}
