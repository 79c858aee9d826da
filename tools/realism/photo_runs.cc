#include "photo_runs.hpp"

#include <glib.h>
#include <sys/wait.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace smp_realism {
namespace {

std::optional<smp::Preset> shipped(const std::string& presets_dir, const std::string& nick)
{
  auto loaded = smp::load_preset_file(presets_dir + "/" + nick + ".preset");
  if (!std::holds_alternative<smp::Preset>(loaded))
    return std::nullopt;
  return std::get<smp::Preset>(loaded);
}

// The pupils where marked, else the brows (with the glabella, or their midpoint standing in for it).
std::optional<smp::FrontLandmarks> face_of(const smp::PhotoAnnotation& photo)
{
  const auto& m = photo.landmarks;
  if (photo.has_landmark("glabella") && photo.has_landmark("pupil-left") && photo.has_landmark("pupil-right"))
    return smp::FrontLandmarks{m.at("glabella"), m.at("pupil-left"), m.at("pupil-right"), smp::FaceMarks::pupils};
  if (!photo.has_landmark("brow-left") || !photo.has_landmark("brow-right"))
    return std::nullopt;
  const smp::Point l = m.at("brow-left"), r = m.at("brow-right");
  const smp::Point g = photo.has_landmark("glabella") ? m.at("glabella") : smp::Point{0.5 * (l.x + r.x), 0.5 * (l.y + r.y)};
  return smp::FrontLandmarks{g, l, r, smp::FaceMarks::brows};
}

std::string joined(const std::vector<double>& values)
{
  std::ostringstream out;
  out.precision(10);
  for (std::size_t i = 0; i < values.size(); ++i)
    out << (i ? ";" : "") << values[i];
  return out.str();
}

std::vector<double> numbers_of(const std::string& text)
{
  std::vector<double> out;
  std::istringstream in(text);
  std::string item;
  while (std::getline(in, item, ';'))
    if (!item.empty())
      out.push_back(g_ascii_strtod(item.c_str(), nullptr));
  return out;
}

std::string string_of(GKeyFile* keys, const std::string& group, const char* key)
{
  g_autofree gchar* value = g_key_file_get_string(keys, group.c_str(), key, nullptr);
  return value ? value : "";
}

void write_jobs(const std::vector<AnnotatedPhoto>& jobs, const Folders& folders, const std::string& path)
{
  g_autoptr(GKeyFile) keys = g_key_file_new();
  for (const AnnotatedPhoto& job : jobs) {
    if (!job.choice.designer && !job.choice.fit)
      continue;
    const smp::PhotoAnnotation& photo = job.photo;
    const char* group = job.stem.c_str();
    g_key_file_set_string(keys, group, "photo", (folders.photos + "/" + photo.file).c_str());
    g_key_file_set_double(keys, group, "px-per-mm", photo.px_per_mm);
    const smp::EllipseBox& e = photo.head_ellipse;
    g_key_file_set_string(keys, group, "ellipse", joined({e.left, e.top, e.width, e.height}).c_str());
    g_key_file_set_string(keys, group, "front", photo.front.c_str());
    if (job.choice.designer)
      g_key_file_set_string(keys, group, "designer-preset", job.choice.designer_nick.c_str());
    if (job.choice.fit)
      g_key_file_set_string(keys, group, "fit-preset", job.choice.fit_nick.c_str());
    if (const auto& f = job.choice.face) {
      g_key_file_set_string(keys, group, "landmarks",
                            joined({f->glabella.x, f->glabella.y, f->left.x, f->left.y, f->right.x, f->right.y}).c_str());
      g_key_file_set_string(keys, group, "eyes", f->from_brow_line() ? "brows" : "pupils");
      g_key_file_set_boolean(keys, group, "designer-landmarks",
                             job.choice.designer && job.choice.designer->view == smp::View::front);
    }
    if (job.choice.front) {
      g_key_file_set_string(keys, group, "front-preset", job.choice.front_nick.c_str());
      g_key_file_set_string(keys, group, "front-after", (folders.work + "/" + job.stem + "-front-after.png").c_str());
    }
    if (job.working_copy()) {
      g_key_file_set_string(keys, group, "scale-to", joined({double(photo.width), double(photo.height)}).c_str());
      g_key_file_set_string(keys, group, "before", (folders.work + "/" + job.stem + "-before.png").c_str());
    }
    g_key_file_set_string(keys, group, "after", (folders.work + "/" + job.stem + "-after.png").c_str());
    g_key_file_set_string(keys, group, "density", (folders.work + "/" + job.stem + "-density.png").c_str());
  }
  g_key_file_save_to_file(keys, path.c_str(), nullptr);
}

// New lines of the progress file since `offset`, handed to `progress`.
void pass_on_progress(const std::string& path, std::streamoff& offset,
                      const std::function<void(const std::string&)>& progress)
{
  std::ifstream in(path);
  if (!in)
    return;
  in.seekg(offset);
  std::string line;
  while (std::getline(in, line) && !in.eof()) {
    progress(line);
    offset = in.tellg();
  }
}

// tools/gimp-batch with the GIMP side's script; GIMP's own output goes to `log`.
std::string run_gimp_batch(const Folders& folders, const std::string& jobs, const std::string& report,
                           const std::string& progress_file, const std::string& log,
                           const std::function<void(const std::string&)>& progress)
{
  const std::string tool = folders.source + "/tools/gimp-batch";
  const std::string script = folders.source + "/tools/realism/simulate_photos.py";
  const std::string command = "exec \"$0\" \"$1\" \"$2\" >\"$3\" 2>&1";
  std::vector<const char*> argv{"/bin/sh", "-c", command.c_str(), tool.c_str(), folders.build.c_str(),
                                script.c_str(), log.c_str(), nullptr};
  gchar** env = g_get_environ();
  env = g_environ_setenv(env, "SMP_REALISM_JOBS", jobs.c_str(), TRUE);
  env = g_environ_setenv(env, "SMP_REALISM_REPORT", report.c_str(), TRUE);
  env = g_environ_setenv(env, "SMP_REALISM_PROGRESS", progress_file.c_str(), TRUE);
  GPid pid = 0;
  g_autoptr(GError) error = nullptr;
  const gboolean started = g_spawn_async(nullptr, const_cast<gchar**>(argv.data()), env, G_SPAWN_DO_NOT_REAP_CHILD,
                                         nullptr, nullptr, &pid, &error);
  g_strfreev(env);
  if (!started)
    return "could not start " + tool + ": " + error->message;
  std::streamoff offset = 0;
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    g_usleep(G_USEC_PER_SEC / 2);
    pass_on_progress(progress_file, offset, progress);
  }
  pass_on_progress(progress_file, offset, progress);
  g_spawn_close_pid(pid);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
    return "";
  std::ifstream in(log);
  std::stringstream text;
  text << in.rdbuf();
  return "GIMP stopped (" + tool + ", status " + std::to_string(status) + "); its output:\n" + text.str();
}

}  // namespace

RunChoice choose_runs(const smp::PhotoAnnotation& photo, const std::string& presets_dir)
{
  RunChoice choice;
  const auto preset = shipped(presets_dir, photo.preset);
  if (!preset) {
    choice.note = "not run: no shipped preset " + photo.preset;
    return choice;
  }
  if (preset->view == smp::View::top) {
    choice.designer = choice.fit = preset;
    choice.designer_nick = choice.fit_nick = photo.preset;
    return choice;
  }
  const std::string stage = photo.preset.substr(0, photo.preset.rfind("-front"));
  const auto top_view = shipped(presets_dir, stage);
  const bool top_of_stage = top_view && top_view->view == smp::View::top;
  const auto face = face_of(photo);
  // The pupils make a front view a designer runs as such; brows alone mark a photo cropped at
  // them, which shows the top of the head the top-view preset of its stage is made for.
  if (face && (face->marks == smp::FaceMarks::pupils || !top_of_stage)) {
    choice.designer = preset;
    choice.designer_nick = photo.preset;
    choice.face = face;
    if (top_of_stage) {
      choice.fit = top_view;
      choice.fit_nick = stage;
    }
    choice.note = top_of_stage ? "head fit with " + stage : "no head fit: no top-view preset " + stage;
    return choice;
  }
  if (!top_of_stage) {
    choice.note = "not run: " + photo.preset + " needs the glabella and pupils or the brows (not marked) and there is no " +
                  "top-view " + stage;
    return choice;
  }
  choice.designer = choice.fit = top_view;
  choice.designer_nick = choice.fit_nick = stage;
  choice.note = stage + " for " + photo.preset + " (no pupils marked)";
  if (face) {
    choice.face = face;
    choice.front = preset;
    choice.front_nick = photo.preset;
  }
  return choice;
}

std::vector<AnnotatedPhoto> annotated_photos(const std::string& source_dir, const std::vector<std::string>& stems,
                                             int max_side_px, std::string& problem)
{
  const std::filesystem::path folder = std::filesystem::path(source_dir) / "tests" / "photo-annotations";
  std::vector<std::string> wanted = stems;
  if (wanted.empty()) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error))
      if (entry.path().extension() == ".ini")
        wanted.push_back(entry.path().stem().string());
    std::sort(wanted.begin(), wanted.end());
  }
  std::vector<AnnotatedPhoto> photos;
  for (const std::string& stem : wanted) {
    const std::string path = (folder / (stem + ".ini")).string();
    if (!std::filesystem::exists(path)) {
      problem = "no annotation " + path;
      return {};
    }
    auto loaded = smp::load_photo_annotation(path);
    if (const auto* error = std::get_if<smp::AnnotationError>(&loaded)) {
      problem = error->message();
      return {};
    }
    AnnotatedPhoto photo{stem, std::get<smp::PhotoAnnotation>(loaded), 0, 0, {}};
    photo.stored_width = photo.photo.width;
    photo.stored_height = photo.photo.height;
    const int longer = std::max(photo.stored_width, photo.stored_height);
    if (max_side_px > 0 && longer > max_side_px) {
      const double f = static_cast<double>(max_side_px) / longer;
      photo.photo = smp::scaled_to(photo.photo, std::max(1, static_cast<int>(std::lround(f * photo.stored_width))),
                                   std::max(1, static_cast<int>(std::lround(f * photo.stored_height))));
    }
    photo.choice = choose_runs(photo.photo, source_dir + "/presets");
    photos.push_back(std::move(photo));
  }
  if (photos.empty())
    problem = "no annotations in " + folder.string();
  return photos;
}

smp::HeadFrame head_of_bounds(double x1, double y1, double x2, double y2, double front_rad)
{
  // As Simulate SMP's head_from_selection: the box's side nearer the face's direction runs front to back.
  const bool upright = std::abs(std::sin(front_rad)) > 0.5;
  const double half_w = 0.5 * (x2 - x1), half_h = 0.5 * (y2 - y1);
  return {{0.5 * (x1 + x2), 0.5 * (y1 + y2)}, upright ? half_w : half_h, upright ? half_h : half_w, front_rad};
}

std::vector<PhotoRun> run_in_gimp(const std::vector<AnnotatedPhoto>& jobs, const Folders& folders,
                                  const std::function<void(const std::string&)>& progress)
{
  const std::string jobs_file = folders.work + "/jobs.ini", report_file = folders.work + "/report.ini";
  const std::string progress_file = folders.work + "/progress.txt", log = folders.work + "/gimp.log";
  write_jobs(jobs, folders, jobs_file);
  bool any = false;
  for (const AnnotatedPhoto& job : jobs)
    any = any || job.choice.designer || job.choice.fit;
  const std::string stopped = any ? run_gimp_batch(folders, jobs_file, report_file, progress_file, log, progress) : "";
  g_autoptr(GKeyFile) report = g_key_file_new();
  g_key_file_load_from_file(report, report_file.c_str(), G_KEY_FILE_NONE, nullptr);

  std::vector<PhotoRun> runs;
  for (const AnnotatedPhoto& job : jobs) {
    PhotoRun run;
    run.stem = job.stem;
    const std::string& g = job.stem;
    const std::string not_reached = stopped.empty() ? "GIMP reported nothing" : stopped;
    run.designer_done = string_of(report, g, "designer-status") == "success";
    run.front_done = string_of(report, g, "front-status") == "success";
    run.front_message = job.choice.front ? string_of(report, g, "front-message") : "";
    if (job.choice.front && !g_key_file_has_key(report, g.c_str(), "front-status", nullptr))
      run.front_message = not_reached;
    run.front_seconds = g_key_file_get_double(report, g.c_str(), "front-seconds", nullptr);
    if (job.choice.front)
      run.front_after_png = folders.work + "/" + job.stem + "-front-after.png";
    run.fit_done = string_of(report, g, "fit-status") == "success";
    run.designer_message = job.choice.designer ? string_of(report, g, "designer-message") : job.choice.note;
    run.fit_message = job.choice.fit ? string_of(report, g, "fit-message") : job.choice.note;
    if (job.choice.designer && !g_key_file_has_key(report, g.c_str(), "designer-status", nullptr))
      run.designer_message = not_reached;
    if (job.choice.fit && !g_key_file_has_key(report, g.c_str(), "fit-status", nullptr))
      run.fit_message = not_reached;
    run.designer_seconds = g_key_file_get_double(report, g.c_str(), "designer-seconds", nullptr);
    run.fit_seconds = g_key_file_get_double(report, g.c_str(), "fit-seconds", nullptr);
    const auto bounds = numbers_of(string_of(report, g, "selection"));
    if (bounds.size() == 4 && bounds[2] > bounds[0] && bounds[3] > bounds[1])
      run.selected_head = head_of_bounds(bounds[0], bounds[1], bounds[2], bounds[3], job.photo.front_rad());
    const auto anchors = numbers_of(string_of(report, g, "fit-head"));
    if (anchors.size() == 8) {
      // Front, side, back, side, as the plug-in draws "SMP head".
      const smp::Point front{anchors[0], anchors[1]}, side{anchors[2], anchors[3]}, back{anchors[4], anchors[5]};
      const smp::Point centre{0.5 * (front.x + back.x), 0.5 * (front.y + back.y)};
      run.fitted_head = smp::HeadFrame{centre, std::hypot(side.x - centre.x, side.y - centre.y),
                                       std::hypot(front.x - centre.x, front.y - centre.y),
                                       std::atan2(front.y - centre.y, front.x - centre.x)};
    }
    run.after_png = folders.work + "/" + job.stem + "-after.png";
    run.density_png = folders.work + "/" + job.stem + "-density.png";
    if (job.working_copy())
      run.before_png = folders.work + "/" + job.stem + "-before.png";
    runs.push_back(run);
  }
  return runs;
}

}  // namespace smp_realism
