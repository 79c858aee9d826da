// Guards that leave the user's image state as a procedure found it.
#pragma once

#include <libgimp/gimp.h>

namespace smp_plugin {

// The selected layers, whatever layers a procedure adds.
class PreservedSelectedLayers {
 public:
  explicit PreservedSelectedLayers(GimpImage* image)
      : image_(image), layers_(gimp_image_get_selected_layers(image)) {}
  ~PreservedSelectedLayers()
  {
    gimp_image_set_selected_layers(image_, const_cast<const GimpLayer**>(layers_));
    g_free(layers_);
  }
  PreservedSelectedLayers(const PreservedSelectedLayers&) = delete;
  PreservedSelectedLayers& operator=(const PreservedSelectedLayers&) = delete;

 private:
  GimpImage* image_;
  GimpLayer** layers_;
};

// Lifts the selection for a while and puts it back: GIMP confines a new layer effect to the
// selection of the moment (a pigment layer's effect must follow wherever density is painted),
// and renders a source op from the selection's corner rather than the image's.
class LiftedSelection {
 public:
  explicit LiftedSelection(GimpImage* image)
      : image_(image), saved_(gimp_selection_is_empty(image) ? nullptr : gimp_selection_save(image))
  {
    if (saved_)
      gimp_selection_none(image_);
  }
  ~LiftedSelection()
  {
    if (!saved_)
      return;
    gimp_image_select_item(image_, GIMP_CHANNEL_OP_REPLACE, GIMP_ITEM(saved_));
    gimp_image_remove_channel(image_, saved_);
  }
  GimpChannel* saved() const { return saved_; }  // the user's selection, nullptr without one
  LiftedSelection(const LiftedSelection&) = delete;
  LiftedSelection& operator=(const LiftedSelection&) = delete;

 private:
  GimpImage* image_;
  GimpChannel* saved_;
};

// One undo step for everything a procedure does.
class UndoGroup {
 public:
  explicit UndoGroup(GimpImage* image) : image_(image) { gimp_image_undo_group_start(image_); }
  ~UndoGroup() { gimp_image_undo_group_end(image_); }
  UndoGroup(const UndoGroup&) = delete;
  UndoGroup& operator=(const UndoGroup&) = delete;

 private:
  GimpImage* image_;
};

}  // namespace smp_plugin
