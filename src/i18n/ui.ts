/** Interface strings in both languages; every key must exist in both (a unit test checks it). */
import type { Lang } from './langs';

export const UI = {
  en: {
    siteTitle: 'VAE, read and run',
    siteTagline: 'Variational autoencoders, derived line by line and trained live in your browser.',
    skipToContent: 'Skip to content',
    chapters: 'Chapters',
    onThisPage: 'On this page',
    previous: 'Previous',
    next: 'Next',
    search: 'Search',
    searchLabel: 'Search the book',
    searchClose: 'Close search',
    searchUnavailable:
      'Search is not available: the search index was not found. Build the site with `npm run build` to create it.',
    themeToggle: 'Colour theme',
    themeSystem: 'Theme: follow the system',
    themeLight: 'Theme: light',
    themeDark: 'Theme: dark',
    languageSwitch: 'Read this page in',
    chapterLabel: 'Chapter',
    keyTerms: 'Key terms',
    startReading: 'Start reading',
    readIn: 'Read in English',
    landingIntro: 'Pick a language. Every chapter exists in both, with the same derivations and the same live widgets.',
    footer: 'Written for readers who met the VAE paper and bounced off it. Math typeset with KaTeX at build time.',
    notFoundTitle: 'Page not found',
    notFoundBody: 'This page does not exist. The chapter list is below.',
    offlineReady: 'Available offline: every chapter, search and the lab now work without a connection.',
    updateReady:
      'A new version of the book has been published. Reload to read it; parts of this page may not load until you do.',
    updateReload: 'Reload',
  },
  zh: {
    siteTitle: 'VAE，边读边跑',
    siteTagline: '变分自编码器：公式一行一行推导，模型在你的浏览器里真实训练。',
    skipToContent: '跳到正文',
    chapters: '章节',
    onThisPage: '本页目录',
    previous: '上一章',
    next: '下一章',
    search: '搜索',
    searchLabel: '搜索全书',
    searchClose: '关闭搜索',
    searchUnavailable: '搜索暂不可用：没有找到搜索索引。请用 `npm run build` 构建站点以生成索引。',
    themeToggle: '配色',
    themeSystem: '配色：跟随系统',
    themeLight: '配色：浅色',
    themeDark: '配色：深色',
    languageSwitch: '切换本页语言',
    chapterLabel: '第',
    keyTerms: '关键术语',
    startReading: '开始阅读',
    readIn: '阅读中文版',
    landingIntro: '选择语言。每一章都有中英两个版本，推导相同，交互组件也相同。',
    footer: '写给读过 VAE 论文却没读懂的人。公式在构建时由 KaTeX 排版。',
    notFoundTitle: '页面不存在',
    notFoundBody: '没有这个页面。下面是章节列表。',
    offlineReady: '已可离线使用：断网时所有章节、搜索和训练实验照常可用。',
    updateReady: '本书已发布新版本。请刷新页面阅读新版；刷新之前，本页有些部分可能加载不出来。',
    updateReload: '刷新',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type UiKey = keyof (typeof UI)['en'];

/** The interface string `key` in `lang`. */
export function t(lang: Lang, key: UiKey): string {
  return UI[lang][key];
}

/** "Chapter 3" / "第 3 章". */
export function chapterNumber(lang: Lang, order: number): string {
  return lang === 'zh' ? `第 ${order} 章` : `Chapter ${order}`;
}
