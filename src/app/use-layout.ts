import { useCallback, useEffect, useState } from 'react';
import { loadSetting, saveSetting } from './local-store';

/** Below this width the editor and the problems list are tabs instead of side by side. */
export const NARROW_QUERY = '(max-width: 720px)';

export const PROBLEMS_MIN_PX = 260;
const PROBLEMS_DEFAULT_PX = 400;
/** The editor keeps at least this much of the window. */
const EDITOR_MIN_PX = 320;

/** The editor, the problems list, and what is generated from the text (Ignition, a conversion). */
export type Pane = 'editor' | 'problems' | 'output';

function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => matchMedia(query).matches);
  useEffect(() => {
    const list = matchMedia(query);
    const onChange = () => setMatches(list.matches);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

function useWindowWidth(): number {
  const [width, setWidth] = useState(innerWidth);
  useEffect(() => {
    const onResize = () => setWidth(innerWidth);
    addEventListener('resize', onResize);
    return () => removeEventListener('resize', onResize);
  }, []);
  return width;
}

/** The page layout and the choices about it that are remembered: split, wrap. */
export function useLayout() {
  const narrow = useMediaQuery(NARROW_QUERY);
  const [pane, setPane] = useState<Pane>('editor');
  const windowWidth = useWindowWidth();
  const maxProblems = Math.max(PROBLEMS_MIN_PX, windowWidth - EDITOR_MIN_PX);
  const [problemsWidth, setProblemsWidth] = useState(() => Number(loadSetting('problems-width')) || PROBLEMS_DEFAULT_PX);
  const [wrap, setWrapState] = useState(() => loadSetting('wrap') === 'on');

  const resizeProblems = useCallback((px: number) => {
    setProblemsWidth(px);
    saveSetting('problems-width', String(px));
  }, []);
  const setWrap = useCallback((on: boolean) => {
    setWrapState(on);
    saveSetting('wrap', on ? 'on' : 'off');
  }, []);

  return {
    narrow,
    pane,
    setPane,
    problemsWidth: Math.min(Math.max(problemsWidth, PROBLEMS_MIN_PX), maxProblems),
    maxProblems,
    resizeProblems,
    wrap,
    setWrap,
  };
}
