"""Reading: orthographic normalisation, tokens and segmentation."""
