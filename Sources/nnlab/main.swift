import NNLabCLI

NNLabCommand.start()
