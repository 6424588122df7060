import type { Page } from '@playwright/test'

type Watched = Window & { longTasks?: number[] }

/** Starts noting the page's long tasks (over 50 ms: the page answers nothing during one). */
export function watchLongTasks(page: Page): Promise<void> {
  return page.evaluate(() => {
    const tasks: number[] = []
    ;(window as Watched).longTasks = tasks
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration)
    }).observe({ type: 'longtask' })
  })
}

/** The durations (ms) of the long tasks seen since `watchLongTasks`. */
export function longTasksSeen(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as Watched).longTasks ?? [])
}
