// dyad._dyad: the Python binding of the coder (docs/scale.md). Thin on
// purpose: inputs become dyad::Report with the GIL held, coding and writing
// run with the GIL released, and events come back as the JSON records of
// `dyad code` (append_event_json, parsed by Python's json module), so the
// record layout has one source of truth.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cmath>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "dyad/output/partitioned_writer.h"
#include "dyad/output/writer.h"
#include "dyad/pipeline/batch_coder.h"
#include "dyad/pipeline/coder.h"
#include "dyad/util/date.h"

#ifndef DYAD_VERSION
#define DYAD_VERSION "0.0.0"
#endif

namespace py = pybind11;

namespace {

// Raises OSError (the GIL must be held).
[[noreturn]] void raise_os_error(const std::string& message) {
  PyErr_SetString(PyExc_OSError, message.c_str());
  throw py::error_already_set();
}

bool is_missing(py::handle v) {
  if (v.is_none()) return true;
  if (PyFloat_Check(v.ptr())) return std::isnan(PyFloat_AsDouble(v.ptr()));
  // pandas' missing-value markers, without importing pandas.
  std::string type = py::str(py::type::handle_of(v).attr("__name__"));
  return type == "NAType" || type == "NaTType";
}

// One report field as a string. Strings as they are; integers (also numpy's) as their decimal
// form (as `dyad code` reads JSON Lines ids); dates and timestamps by their
// isoformat(); None, NaN, pandas NA and NaT are missing (false).
bool field_string(py::handle v, const std::string& key, const std::string& where, std::string& out) {
  if (is_missing(v)) return false;
  if (PyUnicode_Check(v.ptr())) {
    out = v.cast<std::string>();
    return true;
  }
  if (PyIndex_Check(v.ptr()) && !PyBool_Check(v.ptr())) {  // int, numpy integers
    auto n = py::reinterpret_steal<py::object>(PyNumber_Index(v.ptr()));
    if (!n) throw py::error_already_set();
    out = py::str(n).cast<std::string>();
    return true;
  }
  if (key == "date" && py::hasattr(v, "isoformat")) {
    out = v.attr("isoformat")().cast<std::string>();
    return true;
  }
  throw py::type_error(where + ": field '" + key + "' must be a string, not " +
                       std::string(py::str(py::type::handle_of(v).attr("__name__"))));
}

// Checks and normalises a report date ("2023-03-23", or a longer ISO timestamp whose
// time part is ignored, as `dyad code` reads them).
std::string report_date(const std::string& date, const std::string& where) {
  if (date.empty()) return date;
  auto d = dyad::parse_iso_date(date);
  if (!d) throw py::value_error(where + ": date '" + date + "' is not YYYY-MM-DD");
  return d->iso();
}

std::string describe(size_t index, const std::string& id) {
  std::string s = "report " + std::to_string(index);
  if (!id.empty()) s += " (id " + id + ")";
  return s;
}

dyad::PartitionFormat partition_format(const std::string& s) {
  dyad::PartitionFormat f;
  if (!dyad::parse_partition_format(s, f)) throw py::value_error("format must be 'jsonl' or 'csv', got '" + s + "'");
  return f;
}

// "zstd", "none" or None.
dyad::Compression compression_of(py::handle h) {
  if (h.is_none()) return dyad::Compression::None;
  std::string s = py::str(h);
  dyad::Compression c;
  if (!dyad::parse_compression(s, c)) throw py::value_error("compression must be 'zstd' or None, got '" + s + "'");
  return c;
}

// "[{...},{...}]": the events of one report as a JSON array.
void append_events_json(const std::vector<dyad::Event>& events, std::string& out) {
  out += '[';
  for (size_t i = 0; i < events.size(); ++i) {
    if (i) out += ',';
    dyad::append_event_json(events[i], out);
  }
  out += ']';
}

class PyCoder {
 public:
  PyCoder(const std::string& data_dir, const std::vector<std::string>& dict_dirs, const std::string& gazetteer,
          const std::string& wordnet_dir) {
    dyad::CoderOptions options;
    options.data_dir = data_dir;
    options.dict_dirs = dict_dirs;
    options.gazetteer = gazetteer;
    options.wordnet_dir = wordnet_dir;
    std::vector<dyad::DictError> errors;
    {
      py::gil_scoped_release nogil;
      coder_ = dyad::Coder::load(options, errors);
    }
    if (!coder_) {
      std::string message = "dictionaries not loaded (";
      message.append(std::to_string(errors.size())).append(errors.size() == 1 ? " error):" : " errors):");
      for (const auto& e : errors) message.append("\n").append(e.str());
      throw py::value_error(message);
    }
  }

  // A report from keyword-style fields (Coder.code).
  dyad::Report make_report(py::handle text, py::handle date, py::handle id, py::handle title, py::handle source,
                           py::handle url) const {
    dyad::Report r;
    std::string where = "report";
    if (field_string(id, "id", where, r.id)) where.append(" (id ").append(r.id).append(")");
    else r.id = "report";
    if (!field_string(text, "text", where, r.text)) throw py::value_error(where + ": no text");
    std::string d;
    if (field_string(date, "date", where, d)) r.date = report_date(d, where);
    field_string(title, "title", where, r.title);
    field_string(source, "source", where, r.source);
    field_string(url, "url", where, r.url);
    r.origin = where;
    coder_->boilerplate().strip(r.text);  // as dyad code's readers do
    return r;
  }

  // A report from a mapping {id, date, text, title?, source?, url?} or a str (the text).
  // Reports without an id are "report-N" (N counted from 1).
  dyad::Report report_from(py::handle item, size_t index) const {
    dyad::Report r;
    std::string default_id = "report-" + std::to_string(index + 1);
    if (PyUnicode_Check(item.ptr())) {
      r.id = default_id;
      r.text = item.cast<std::string>();
    } else if (PyMapping_Check(item.ptr()) && !PySequence_Check(item.ptr())) {
      py::object none = py::none();
      auto get = [&](const char* key) -> py::object {
        PyObject* v = PyMapping_GetItemString(item.ptr(), key);
        if (!v) {
          PyErr_Clear();
          return none;
        }
        return py::reinterpret_steal<py::object>(v);
      };
      std::string where = describe(index, "");
      if (!field_string(get("id"), "id", where, r.id)) r.id = default_id;
      where = describe(index, r.id);
      if (!field_string(get("text"), "text", where, r.text) && !field_string(get("body"), "body", where, r.text))
        throw py::value_error(where + ": no \"text\"");
      std::string d;
      if (field_string(get("date"), "date", where, d)) r.date = report_date(d, where);
      field_string(get("title"), "title", where, r.title);
      field_string(get("source"), "source", where, r.source);
      field_string(get("url"), "url", where, r.url);
    } else {
      throw py::type_error(describe(index, "") + ": expected a dict with id, date and text, or a str, not " +
                           std::string(py::str(py::type::handle_of(item).attr("__name__"))));
    }
    r.origin = describe(index, r.id);
    coder_->boilerplate().strip(r.text);
    return r;
  }

  std::vector<dyad::Report> reports_from(py::iterable items) const {
    // One report where a list of them is expected would be read as its keys or characters.
    if (PyUnicode_Check(items.ptr()) || PyBytes_Check(items.ptr()) ||
        (PyMapping_Check(items.ptr()) && !PySequence_Check(items.ptr())))
      throw py::type_error("reports: expected a list (or other iterable) of reports, not a single " +
                           std::string(py::str(py::type::handle_of(items).attr("__name__"))));
    std::vector<dyad::Report> reports;
    if (py::hasattr(items, "__len__")) reports.reserve(py::len(items));
    size_t i = 0;
    for (py::handle item : items) reports.push_back(report_from(item, i++));
    return reports;
  }

  py::list code(py::handle text, py::handle date, py::handle id, py::handle title, py::handle source,
                py::handle url) {
    dyad::Report r = make_report(text, date, id, title, source, url);
    std::string json;
    {
      py::gil_scoped_release nogil;
      Lease session(*this);
      std::vector<dyad::Event> events;
      session->code(r, events);
      append_events_json(events, json);
    }
    return loads(json);
  }

  py::list code_batch(py::iterable items, int threads) {
    if (threads < 1) throw py::value_error("threads must be at least 1");
    std::vector<dyad::Report> reports = reports_from(items);
    std::vector<std::string> json(reports.size());
    {
      py::gil_scoped_release nogil;
      size_t k = 0;
      dyad::BatchCoder batch(*coder_, threads, [&](const dyad::Report&, const std::vector<dyad::Event>& events) {
        append_events_json(events, json[k++]);
      });
      for (auto& r : reports) batch.add(std::move(r));
      batch.flush();
    }
    py::list out;
    for (const std::string& j : json) out.append(loads(j));
    return out;
  }

  py::dict write_partition(py::iterable items, const std::string& dir, size_t index, const std::string& format,
                           py::handle compression, int threads) {
    if (threads < 1) throw py::value_error("threads must be at least 1");
    dyad::PartitionFormat fmt = partition_format(format);
    dyad::Compression comp = compression_of(compression);
    std::vector<dyad::Report> reports = reports_from(items);
    dyad::PartitionFile file;
    std::string error;
    {
      py::gil_scoped_release nogil;
      try {
        dyad::PartitionWriter writer(dir, index, fmt, comp);
        dyad::BatchCoder batch(*coder_, threads, [&](const dyad::Event& e) { writer.write(e); });
        for (auto& r : reports) batch.add(std::move(r));
        batch.flush();
        file = writer.close();
      } catch (const std::runtime_error& e) {
        error = e.what();
      }
    }
    if (!error.empty()) raise_os_error(error);
    return file_dict(file);
  }

 private:
  static py::list loads(const std::string& json) {
    static py::object* json_loads = nullptr;  // held for the process' life (never destroyed after finalisation)
    if (!json_loads) json_loads = new py::object(py::module_::import("json").attr("loads"));
    return (*json_loads)(py::str(json));
  }

  static py::dict file_dict(const dyad::PartitionFile& f) {
    py::dict d;
    d["path"] = f.path;
    d["records"] = f.records;
    d["bytes"] = f.bytes;
    return d;
  }

  // A CoderSession for one call: sessions are per thread, so code() takes one from a
  // pool (or makes one) and gives it back, and any number of Python threads can call it.
  class Lease {
   public:
    explicit Lease(PyCoder& owner) : owner_(owner) {
      std::lock_guard<std::mutex> lock(owner_.mu_);
      if (!owner_.pool_.empty()) {
        session_ = std::move(owner_.pool_.back());
        owner_.pool_.pop_back();
      }
      if (!session_) session_ = std::make_unique<dyad::CoderSession>(*owner_.coder_);
    }
    ~Lease() {
      std::lock_guard<std::mutex> lock(owner_.mu_);
      if (owner_.pool_.size() < kMaxPooled) owner_.pool_.push_back(std::move(session_));
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    dyad::CoderSession* operator->() { return session_.get(); }

   private:
    static constexpr size_t kMaxPooled = 64;
    PyCoder& owner_;
    std::unique_ptr<dyad::CoderSession> session_;
  };

  std::unique_ptr<dyad::Coder> coder_;
  std::mutex mu_;
  std::vector<std::unique_ptr<dyad::CoderSession>> pool_;
};

dyad::PartitionFile partition_file_from(py::handle h, size_t i) {
  dyad::PartitionFile f;
  auto get = [&](const char* key) -> py::object {
    if (PyMapping_Check(h.ptr())) return py::reinterpret_borrow<py::object>(h)[key];
    return h.attr(key);
  };
  try {
    f.path = get("path").cast<std::string>();
    f.records = get("records").cast<uint64_t>();
    f.bytes = get("bytes").cast<uint64_t>();
  } catch (const py::error_already_set& e) {
    throw py::value_error("files[" + std::to_string(i) + "]: expected {path, records, bytes} (" + e.what() + ")");
  } catch (const py::cast_error& e) {
    throw py::value_error("files[" + std::to_string(i) + "]: expected {path, records, bytes} (" + e.what() + ")");
  }
  return f;
}

}  // namespace

PYBIND11_MODULE(_dyad, m) {
  m.doc() = "dyad's coder (C++), wrapped by the dyad package";
  m.attr("__version__") = DYAD_VERSION;

  py::class_<PyCoder>(m, "Coder")
      .def(py::init<const std::string&, const std::vector<std::string>&, const std::string&, const std::string&>(),
           py::arg("data_dir") = "", py::arg("dict_dirs") = std::vector<std::string>{}, py::arg("gazetteer") = "",
           py::arg("wordnet_dir") = "",
           "Loads the dictionaries, lexicon and gazetteer (empty: the library's defaults); ValueError lists every "
           "dictionary error with file and line.")
      .def("code", &PyCoder::code, py::arg("text"), py::arg("date") = py::none(),
           py::arg("id") = py::none(), py::arg("title") = py::none(), py::arg("source") = py::none(),
           py::arg("url") = py::none(), "Codes one report; returns its events as dicts (docs/output.md).")
      .def("code_batch", &PyCoder::code_batch, py::arg("reports"), py::arg("threads") = 1,
           "Codes reports (dicts or str) on `threads` threads, GIL released; one list of events per report, in order.")
      .def("write_partition", &PyCoder::write_partition, py::arg("reports"), py::arg("dir"), py::arg("index"),
           py::arg("format") = "jsonl", py::arg("compression") = "zstd", py::arg("threads") = 1,
           "Codes reports and writes their events as partition file `index` in `dir`; returns {path, records, "
           "bytes}.");

  m.def(
      "write_manifest",
      [](const std::string& dir, py::iterable files, const std::string& format, py::handle compression) {
        dyad::PartitionFormat fmt = partition_format(format);
        dyad::Compression comp = compression_of(compression);
        std::vector<dyad::PartitionFile> list;
        size_t i = 0;
        for (py::handle h : files) list.push_back(partition_file_from(h, i++));
        std::string error;
        {
          py::gil_scoped_release nogil;
          try {
            dyad::write_manifest(dir, fmt, comp, list);
          } catch (const std::runtime_error& e) {
            error = e.what();
          }
        }
        if (!error.empty()) raise_os_error(error);
      },
      py::arg("dir"), py::arg("files"), py::arg("format") = "jsonl", py::arg("compression") = "zstd",
      "Writes <dir>/manifest.json listing `files` ({path, records, bytes}) in order.");

  m.def(
      "prepare_output_directory",
      [](const std::string& dir, bool overwrite) {
        std::string error;
        bool exists = false;
        {
          py::gil_scoped_release nogil;
          try {
            dyad::prepare_output_directory(dir, overwrite);
          } catch (const dyad::OutputExistsError& e) {
            error = e.what();
            exists = true;
          } catch (const std::runtime_error& e) {
            error = e.what();
          }
        }
        if (exists) {
          PyErr_SetString(PyExc_FileExistsError, (error + "; pass overwrite=True").c_str());
          throw py::error_already_set();
        }
        if (!error.empty()) raise_os_error(error);
      },
      py::arg("dir"), py::arg("overwrite") = false,
      "Creates `dir` for partitioned output; FileExistsError if it holds earlier output (manifest.json or part-* "
      "files) unless `overwrite`, which removes it, manifest first (the same rule as dyad code --out-dir).");

  m.def(
      "partition_file_name",
      [](size_t index, const std::string& format, py::handle compression) {
        return dyad::partition_file_name(index, partition_format(format), compression_of(compression));
      },
      py::arg("index"), py::arg("format") = "jsonl", py::arg("compression") = "zstd");

  m.def("default_data_dir", [] { return dyad::resolve_data_dir(""); },
        "The data directory the library uses when none is given ($DYAD_DATA, then the build's).");
}
