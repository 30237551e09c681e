print("importing")
import nosuchmodule
