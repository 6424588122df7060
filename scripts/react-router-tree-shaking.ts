import type { Plugin } from 'vite'

/**
 * Lets the bundler drop the parts of react-router the app does not use (NavLink, Form and its
 * submission helpers, ScrollRestoration, HistoryRouter…). In react-router's build they cannot be
 * dropped: each component is created by a `forwardRef` call and given a `displayName` by a property
 * write, and a bundler must keep both (either may have side effects). remix-run/react-router#15299
 * proposes the fix upstream.
 *
 * For react-router's production build only, this marks the `forwardRef` calls as pure and removes the
 * `displayName` writes (React reads them only in development warnings and in the dev tools). When the
 * build no longer has that shape (a new version), the build stops and says so, rather than quietly
 * shipping the whole router again: check whether the upstream fix landed, then adapt or remove this.
 */
export function reactRouterTreeShaking(): Plugin {
  return {
    name: 'flows-admin:react-router-tree-shaking',
    apply: 'build',
    transform: {
      filter: { id: /node_modules\/react-router\/dist\/production\/chunk-[^/]+\.mjs$/ },
      handler(code, id) {
        if (!code.includes('forwardRef(')) return null
        return { code: treeShakeableReactRouter(code, id), map: null }
      },
    },
  }
}

const forwardRefCall = /(=\s*)(React\d*\.forwardRef\()/g
const displayNameWrite = /^[ \t]*[A-Za-z_$][\w$]*\.displayName = "[^"\n]*";[ \t]*$/gm

/** The transform itself: react-router's module text in, the same with pure `forwardRef`s and no `displayName` writes out. */
export function treeShakeableReactRouter(code: string, id = 'react-router'): string {
  const calls = code.match(forwardRefCall)?.length ?? 0
  const writes = code.match(displayNameWrite)?.length ?? 0
  if (calls === 0 || writes === 0) {
    throw new Error(
      `${id}: react-router's build no longer has the shape scripts/react-router-tree-shaking.ts expects ` +
        `(${calls} forwardRef initialisers, ${writes} displayName writes). Check remix-run/react-router#15299, then adapt or remove the plugin.`,
    )
  }
  return code.replace(forwardRefCall, '$1/* @__PURE__ */ $2').replace(displayNameWrite, '')
}
