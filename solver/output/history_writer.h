#pragma once

#include <deal.II/base/mpi.h>

#include <map>
#include <string>
#include <vector>

namespace FasciaFE
{
  /**
   * The per-step time series of a run (time, tip position, contact force,
   * energies, Newton iterations, ...), one column per quantity and one row
   * per accepted step, written to
   * - `DIR/history.h5`: root attributes `format = "fasciafe-history"`,
   *   `format_version = 1`, `unit_system = "SI"` and `columns` (the column
   *   names in order, joined by commas); group `/history` with one 1-D
   *   double dataset per column, named after the column, carrying the string
   *   attributes `unit` and `description`;
   * - `DIR/history.csv`: a first line `# units: <unit1>,<unit2>,...`, a
   *   second line with the column names separated by commas, then one line
   *   per row with every value written with 17 significant digits, so that
   *   reading it back gives the very same doubles (read_history_csv()).
   *
   * The columns are declared with add_column() before the first row. The
   * solver calls add_row() and then write() after every step: write()
   * rewrites both files under a temporary name and renames them (see
   * AtomicOutputFile), so they are complete at any moment and a killed run
   * keeps the history of every step written so far. The files stay small
   * (a few columns times a few thousand steps).
   *
   * All member functions may be called on every MPI rank of the
   * communicator; only rank 0 keeps writing files, and the rows of rank 0
   * are the ones written. write() is not collective.
   */
  class HistoryWriter
  {
  public:
    /**
     * Constructor. @p output_directory is created (with its parents) on the
     * first write() if it does not exist yet.
     */
    HistoryWriter(const std::string &output_directory, const MPI_Comm comm);

    /**
     * Declare the next column. @p name must be non-empty, unique, and
     * contain neither a comma, a slash, a line break nor surrounding blanks
     * (it is an HDF5 dataset name and a CSV header field); @p unit (an SI
     * unit such as "m", "N", "J", "s" or "1" for a dimensionless quantity)
     * contains no comma and no line break. Throws dealii::ExceptionBase if
     * a row has already been added or the name is invalid.
     */
    void
    add_column(const std::string &name,
               const std::string &unit,
               const std::string &description);

    /**
     * Append a row: one value per column, in the order of declaration.
     * Throws if the size does not match n_columns().
     */
    void
    add_row(const std::vector<double> &values);

    /**
     * Number of rows added so far.
     */
    unsigned int
    n_rows() const;

    /**
     * Number of declared columns.
     */
    unsigned int
    n_columns() const;

    /**
     * The column names, in the order of declaration.
     */
    std::vector<std::string>
    column_names() const;

    /**
     * Continue the history of an earlier run in the same directory (a
     * restart): read its rows from `DIR/history.csv` or, if that cannot be
     * read, from `DIR/history.h5`, and keep those whose value in column
     * @p key is at most @p last (e.g. the time of the checkpoint the run
     * restarts from); later rows are dropped. The file must have exactly
     * the declared columns. Nothing is written (the next write() does).
     * Returns the number of rows kept. Collective: rank 0 reads and sends
     * the rows to the others. Throws std::runtime_error (on every rank)
     * naming the files if neither can be read or their columns differ, and
     * dealii::ExceptionBase if a row has already been added.
     */
    unsigned int
    restore(const std::string &key, const double last);

    /**
     * Rewrite `DIR/history.h5` and `DIR/history.csv` with every row so far.
     * Each file is written under a temporary name and renamed. Does nothing
     * on ranks other than 0. Throws std::runtime_error (naming the file) if
     * a file cannot be written.
     */
    void
    write() const;

    /**
     * Path of the HDF5 file.
     */
    std::string
    hdf5_file_name() const;

    /**
     * Path of the CSV file.
     */
    std::string
    csv_file_name() const;

  private:
    /**
     * One column: its declaration and its values, one per row.
     */
    struct Column
    {
      std::string         name;
      std::string         unit;
      std::string         description;
      std::vector<double> values;
    };

    void
    write_hdf5() const;

    void
    write_csv() const;

    const std::string   directory;
    const MPI_Comm      mpi_communicator;
    std::vector<Column> columns;
    unsigned int        rows;
  };

  /**
   * Read a `history.csv` written by HistoryWriter: return, for every column
   * name, its values in row order. Lines starting with '#' are skipped; the
   * first other line holds the column names. Throws std::runtime_error
   * naming the file and line if the file cannot be read or a line has the
   * wrong number of fields or a field is not a number.
   */
  std::map<std::string, std::vector<double>>
  read_history_csv(const std::string &file);
} // namespace FasciaFE
