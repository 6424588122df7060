/**
 * Two large versions of the sandbox's draft Spring sale survey for History's comparison (e2e and bench):
 * a 300 kB pretty-printed one and a 1 MB one-line one (the largest 8x8 takes), and how to save them.
 */

export const channelPath = '/accounts/5c2f1e8a-7d4b-4e3a-9f61-2b8c0d7e4a19/channels/3f7c2a9e-1b4d-4c8e-a5f2-6d9e0b1c7a84'
export const flowsApi = `/api/v1${channelPath}/flows`
/** Spring sale survey, a draft. */
export const draft = '987412365401287'
export const historyPath = `${channelPath}/flows/${draft}/history`

function flowJson(screens: number, label: string) {
  return {
    version: '7.3',
    screens: Array.from({ length: screens }, (_, n) => ({
      id: `SCREEN_${n}`,
      title: `${label} ${n}`,
      terminal: n === screens - 1,
      layout: { type: 'SingleColumnLayout', children: [{ type: 'TextBody', text: `${label} screen ${n}: ${'lorem ipsum '.repeat(8)}` }] },
    })),
  }
}

/** The two texts, in the order they are saved: about 300 kB pretty-printed, then just under 1 MB on one line. */
export const largeVersions = () => [JSON.stringify(flowJson(785, 'Pretty'), null, 2), JSON.stringify(flowJson(3810, 'One line'))] as const

/** Saves `text` as the draft's new version through the app's server (`base`: its origin); throws unless it is saved. */
export async function saveVersion(base: string, text: string): Promise<void> {
  const etag = (await fetch(`${base}${flowsApi}/${draft}/json`)).headers.get('etag')
  const saved = await fetch(`${base}${flowsApi}/${draft}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'XMLHttpRequest', 'if-match': etag ?? '', origin: base },
    body: JSON.stringify({ flowJson: text }),
  })
  if (saved.status !== 200) throw new Error(`save: HTTP ${saved.status}`)
}
