#pragma once

#include <fstream>
#include <string>

namespace FasciaFE
{
  /**
   * Return the temporary name under which @p final_path is written before it
   * is renamed: `<final_path>.tmp.<pid>`. The temporary file is a sibling of
   * the final one (same directory, hence same file system), so the rename
   * that publishes it is atomic. The process id keeps two processes that
   * write the same file from trampling on each other's temporary.
   */
  std::string
  temporary_name(const std::string &final_path);

  /**
   * Rename @p tmp to @p final_path with std::rename, replacing an existing
   * file of that name atomically (POSIX rename semantics): a reader sees
   * either the old or the new content, never a truncated file. Throws
   * std::runtime_error naming both paths and the system's reason on failure.
   */
  void
  atomic_rename(const std::string &tmp, const std::string &final_path);

  /**
   * An output file that appears under its final name only once it has been
   * written completely.
   *
   * The constructor opens an std::ofstream on temporary_name(final_path);
   * the caller writes through stream() and then calls commit(), which
   * flushes and closes the stream, checks that every write succeeded and
   * renames the temporary file to the final name. If the object is destroyed
   * without commit() (an exception was thrown while writing, or the caller
   * decided not to publish the file), the temporary file is removed and the
   * final name is left untouched: a previous version of the file stays as it
   * was, and a killed run never leaves a truncated file under a final name.
   *
   * @code
   * AtomicOutputFile file(directory + "/run.json");
   * boost::property_tree::write_json(file.stream(), tree);
   * file.commit();
   * @endcode
   */
  class AtomicOutputFile
  {
  public:
    /**
     * Open the temporary sibling of @p final_path for writing (truncating
     * it). The directory must exist. Throws std::runtime_error naming the
     * path if the file cannot be opened.
     */
    explicit AtomicOutputFile(const std::string       &final_path,
                              const std::ios::openmode mode = std::ios::out |
                                                              std::ios::trunc);

    /**
     * Remove the temporary file unless commit() succeeded.
     */
    ~AtomicOutputFile();

    AtomicOutputFile(const AtomicOutputFile &) = delete;
    AtomicOutputFile &
    operator=(const AtomicOutputFile &) = delete;

    /**
     * The stream to write the content to. Only valid before commit().
     */
    std::ofstream &
    stream();

    /**
     * Flush and close the stream, check its state and rename the temporary
     * file to the final name. Throws std::runtime_error naming the path if
     * a write failed or the rename is impossible; the temporary file is then
     * removed by the destructor. Calling commit() twice is an error.
     */
    void
    commit();

    /**
     * Whether commit() has succeeded.
     */
    bool
    committed() const;

    /**
     * The name the file gets on commit().
     */
    const std::string &
    final_path() const;

    /**
     * The name the file has until commit().
     */
    const std::string &
    temporary_path() const;

  private:
    const std::string final_name;
    const std::string tmp_name;
    std::ofstream     out;
    bool              is_committed;
  };
} // namespace FasciaFE
