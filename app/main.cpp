// SPDX-License-Identifier: MIT
#include "memory_reuse.h"
#include "quire_application.h"

int main(int argc, char *argv[])
{
    quire::app::reuseFreedMemory();
    return quire::app::runQuire(argc, argv);
}
