package frontier.viewer;

/** How a volume too big for the data budget is reduced. */
public enum Pooling {
    /** The mean of each block of voxels (NaN ignored); reads every voxel. */
    MEAN,
    /** Every f-th voxel; reads only the chunks that hold a kept voxel. */
    STRIDE
}
