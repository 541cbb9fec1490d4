"""Mid-size: the LSTM of hidden size 128 over 100 steps (see rnn_mid.py)."""
import sys
from rnn_mid import main
main("lstm", int(sys.argv[1]) if len(sys.argv) > 1 else 20)
