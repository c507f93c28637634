#include <fasciafe_version.h>
#include <solver/exceptions.h>
#include <solver/postproc_command.h>

#include <cstdlib>
#include <fstream>

#include <sys/wait.h>
#include <unistd.h>

namespace FasciaFE
{
  std::string
  postproc_directory()
  {
    if (const char *dir = std::getenv("FASCIAFE_POSTPROC_DIR"))
      return dir;
    return FASCIAFE_POSTPROC_DIR;
  }



  int
  run_postproc(const std::string &script, const std::vector<std::string> &args)
  {
    const std::string path = postproc_directory() + "/" + script;
    check_input(std::ifstream(path).good(),
                "post-processing script '" + path +
                  "' not found (set FASCIAFE_POSTPROC_DIR to the postproc/ "
                  "folder of the FasciaFE sources)");
    std::vector<std::string> words{"/usr/bin/python3", path};
    words.insert(words.end(), args.begin(), args.end());
    std::vector<char *> argv;
    for (auto &w : words)
      argv.push_back(w.data());
    argv.push_back(nullptr);

    const pid_t pid = fork();
    if (pid < 0)
      return 127;
    if (pid == 0)
      {
        execv(argv[0], argv.data());
        _exit(127);
      }
    int status = 0;
    if (waitpid(pid, &status, 0) < 0)
      return 127;
    if (WIFEXITED(status))
      return WEXITSTATUS(status);
    return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  }
} // namespace FasciaFE
