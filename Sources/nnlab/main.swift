import NNLabCLI

NNLabCommand.main()
