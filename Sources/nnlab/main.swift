import NNLabCLI
