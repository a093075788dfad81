/** Conversion of NGFF 0.1-0.4 images (Zarr v2) to NGFF 0.5 on Zarr v3, sharded or not. */
package frontier.ome.convert;
