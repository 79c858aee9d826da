#!/usr/bin/env python3
"""OpenCV's Haar cascades (Debian's opencv-data) on every development photo: how many faces and
eyes each finds, to judge whether they could place the front-view landmarks (issue 18).

    tools/face-cascades.py [PHOTOS_DIR]     (default ../shared/photos; needs python3-opencv, opencv-data)

Each photo is read at most 800 px on its longer side, as the realism suite runs them."""
import glob
import os
import sys

import cv2

CASCADES = ["frontalface_default", "frontalface_alt2", "profileface", "eye", "eye_tree_eyeglasses"]
folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "photos")
found = {name: cv2.CascadeClassifier(os.path.join(cv2.data.haarcascades if hasattr(cv2, "data") else
                                                  "/usr/share/opencv4/haarcascades", "haarcascade_%s.xml" % name))
         for name in CASCADES}
print("photo " + " ".join(CASCADES))
for path in sorted(glob.glob(os.path.join(folder, "*.*"))):
    image = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
    if image is None:
        continue
    shrink = 800.0 / max(image.shape)
    if shrink < 1.0:
        image = cv2.resize(image, None, fx=shrink, fy=shrink, interpolation=cv2.INTER_AREA)
    counts = [len(found[name].detectMultiScale(image, 1.1, 4, minSize=(20, 20))) for name in CASCADES]
    print(os.path.basename(path) + " " + " ".join(str(n) for n in counts))
