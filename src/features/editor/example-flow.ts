import { recommendedVersion } from '../../shared/flow-json-checks'

/** A minimal valid flow in Flow JSON 7.3: one screen that asks for a name and completes. */
export const exampleFlowJson = `{
  "version": "${recommendedVersion}",
  "screens": [
    {
      "id": "WELCOME",
      "title": "Welcome",
      "terminal": true,
      "success": true,
      "data": {},
      "layout": {
        "type": "SingleColumnLayout",
        "children": [
          { "type": "TextHeading", "text": "Hello!" },
          { "type": "TextBody", "text": "Tell us your name and we will be in touch." },
          { "type": "TextInput", "name": "name", "label": "Your name", "required": true },
          {
            "type": "Footer",
            "label": "Send",
            "on-click-action": { "name": "complete", "payload": { "name": "\${form.name}" } }
          }
        ]
      }
    }
  ]
}
`
