import { CopyButton } from '../../components/copy-button'
import type { Outcome } from './flow-run'

type OutcomePanelProps = {
  outcome: Outcome
  onRestart: () => void
  onDismiss: () => void
  onGoOn: (screenId: string) => void
}

const json = (value: unknown) => JSON.stringify(value, null, 2)

/** What a run ended with, or stopped to show, over the screen: a response, an endpoint's payload, an address. */
export function OutcomePanel({ outcome, onRestart, onDismiss, onGoOn }: OutcomePanelProps) {
  const restart = (
    <button type="button" className="button button--small" onClick={onRestart}>
      Run it again
    </button>
  )
  const back = (
    <button type="button" className="button button--small button--quiet" onClick={onDismiss}>
      Back to the screen
    </button>
  )
  return (
    <section className="pv-outcome" aria-label="Outcome" aria-live="polite">
      {outcome.kind === 'complete' && (
        <>
          <p className="pv-outcome__title">Flow complete</p>
          <p>The business receives this response:</p>
          <pre className="pv-outcome__json" aria-label="Response the business receives">
            {json(outcome.payload)}
          </pre>
          <div className="pv-outcome__actions">
            <CopyButton text={json(outcome.payload)} label="Copy response" />
            {restart}
            {back}
          </div>
        </>
      )}
      {outcome.kind === 'data_exchange' && (
        <>
          <p className="pv-outcome__title">Sent to the flow's endpoint</p>
          <pre className="pv-outcome__json" aria-label="Payload sent to the endpoint">
            {json(outcome.payload)}
          </pre>
          <p className="small">
            The endpoint answers with the next screen and its data. This preview does not call it:{' '}
            {outcome.nextScreenId ? `it goes on with ${outcome.nextScreenId} and that screen's example data.` : 'no next screen is known (no routing model, no screen after this one).'}
          </p>
          <div className="pv-outcome__actions">
            {outcome.nextScreenId && (
              <button type="button" className="button button--small" onClick={() => onGoOn(outcome.nextScreenId!)}>
                Continue to {outcome.nextScreenId}
              </button>
            )}
            {back}
          </div>
        </>
      )}
      {outcome.kind === 'open_url' && (
        <>
          <p className="pv-outcome__title">Opens a web page</p>
          <p className="pv-outcome__url">
            <code className="selectable">{outcome.url}</code>
          </p>
          <div className="pv-outcome__actions">
            {/^https?:\/\//i.test(outcome.url) && (
              <a className="button button--small" href={outcome.url} target="_blank" rel="noopener noreferrer">
                Open it in a new tab
              </a>
            )}
            {back}
          </div>
        </>
      )}
      {outcome.kind === 'closed' && (
        <>
          <p className="pv-outcome__title">Closed</p>
          <p>The customer closed the flow: the business receives no response.</p>
          <div className="pv-outcome__actions">
            {restart}
            {back}
          </div>
        </>
      )}
      {outcome.kind === 'problem' && (
        <>
          <p className="pv-outcome__title">The flow cannot go on</p>
          <p>{outcome.message}</p>
          <div className="pv-outcome__actions">{back}</div>
        </>
      )}
    </section>
  )
}
