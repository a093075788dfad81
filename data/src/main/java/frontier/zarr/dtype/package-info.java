/**
 * The one data type model of Zarr storage ({@link frontier.zarr.dtype.ZarrDType}: an element type and its
 * stored byte order), which Zarr v2 dtype strings, numcodecs filter configurations and Zarr v3 data_type
 * names all map to.
 */
package frontier.zarr.dtype;
