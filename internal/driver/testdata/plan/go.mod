module example.com/plantest

go 1.22
