// SPDX-License-Identifier: MIT
#include "quire_application.h"

int main(int argc, char *argv[])
{
    return quire::app::runQuire(argc, argv);
}
