package frontier.zarr;

/**
 * Where one block of a grid (a chunk or a shard) and a region of the array overlap: the overlap's
 * start inside the block and inside the region, its extent along each axis, and whether it covers
 * all of the block that lies inside the array (then a write need not read the block first).
 */
record BlockOverlap(int[] inBlock, int[] inRegion, int[] count, boolean whole) {
    static BlockOverlap of(long[] blockIndex, int[] blockShape, long[] offset, int[] shape, long[] arrayShape) {
        int n = shape.length;
        int[] inBlock = new int[n], inRegion = new int[n], count = new int[n];
        boolean whole = true;
        for (int i = 0; i < n; i++) {
            long origin = blockIndex[i] * blockShape[i];
            long lo = Math.max(origin, offset[i]);
            long hi = Math.min(origin + blockShape[i], offset[i] + shape[i]);
            inBlock[i] = (int) (lo - origin);
            inRegion[i] = (int) (lo - offset[i]);
            count[i] = (int) (hi - lo);
            if (lo != origin || hi != Math.min(origin + blockShape[i], arrayShape[i])) whole = false;
        }
        return new BlockOverlap(inBlock, inRegion, count, whole);
    }
}
