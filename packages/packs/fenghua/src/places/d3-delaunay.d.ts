// d3-delaunay ships no types and @types/d3-delaunay is not installed: declare the part this pack uses.
declare module 'd3-delaunay' {
  export class Voronoi {
    /** The cell of point i as a closed ring of [x, y], or null when the point is a duplicate. */
    cellPolygon(i: number): [number, number][] | null;
  }
  export class Delaunay {
    static from(points: ArrayLike<[number, number]>): Delaunay;
    voronoi(bounds: [number, number, number, number]): Voronoi;
  }
}
