import { useEffect, useState } from 'react';

/** The design canvas: everything is laid out for 1920×1080 and scaled to the screen. */
export const DESIGN_WIDTH = 1920;
export const DESIGN_HEIGHT = 1080;
/** Below this width the panels stack in one column at their natural size (一部手机治理一个城市). */
export const MOBILE_MAX_WIDTH = 768;

export interface ScreenFit {
  mobile: boolean;
  /** Canvas scale: 1 at 1920×1080, 2 at 3840×2160; fits the smaller of width and height. */
  scale: number;
  /** Left and top offsets that centre the scaled canvas (letterboxing on other aspect ratios). */
  left: number;
  top: number;
}

function measure(): ScreenFit {
  const width = window.innerWidth;
  const height = window.innerHeight;
  if (width < MOBILE_MAX_WIDTH) return { mobile: true, scale: 1, left: 0, top: 0 };
  const scale = Math.min(width / DESIGN_WIDTH, height / DESIGN_HEIGHT);
  return {
    mobile: false,
    scale,
    left: Math.max(0, (width - DESIGN_WIDTH * scale) / 2),
    top: Math.max(0, (height - DESIGN_HEIGHT * scale) / 2),
  };
}

/** Follows the window size: the canvas scale on a big screen, or the phone layout. */
export function useScreenFit(): ScreenFit {
  const [fit, setFit] = useState(measure);
  useEffect(() => {
    const update = () => setFit(measure());
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return fit;
}
