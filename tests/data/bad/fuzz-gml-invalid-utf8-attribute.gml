graph [ node [ id 1 label "a" club "Mÿr" ] node [ id 2 label "b" ] edge [ source 1 target 2 ] ]
