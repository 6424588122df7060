import { useId } from 'react'
import type { Channel } from '../../../shared/flow'

export type ChannelPickerProps = {
  channels: Channel[]
  value: string
  onChange: (channelId: string) => void
}

/** A native select: keyboard, screen readers and phones handle it well at no cost in bytes. */
export function ChannelPicker({ channels, value, onChange }: ChannelPickerProps) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>Channel</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {channels.map((channel) => (
          <option key={channel.id} value={channel.id}>
            {channel.name}
          </option>
        ))}
      </select>
    </div>
  )
}
