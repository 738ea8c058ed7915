#include "cli/cli.h"

int main(int argc, char** argv) { return lantern::RunCli(argc, argv); }
