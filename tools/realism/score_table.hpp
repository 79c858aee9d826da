// The realism score as a Markdown table: one row per photo, then the worst case of each column.
#pragma once

#include <string>
#include <vector>

#include "photo_score.hpp"

namespace smp_realism {

std::string table_header();
std::string table_row(const PhotoScore& score);
std::string worst_row(const std::vector<PhotoScore>& scores);

}  // namespace smp_realism
